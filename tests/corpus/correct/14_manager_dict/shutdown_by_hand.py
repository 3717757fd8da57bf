"""Correct: the manager is started and shut down by hand; the children print; d.copy()."""
import os
from multiprocessing import Manager, Process


def record(d, key, value):
    print("pid", os.getpid(), "records", key, flush=True)
    d[key] = value


def fill_in_manager(pairs):
    manager = Manager()
    try:
        d = manager.dict()
        procs = []
        for key, value in pairs:
            p = Process(target=record, args=(d, key, value))
            p.start()
            procs.append(p)
        for p in procs:
            p.join()
        return d.copy()
    finally:
        manager.shutdown()
