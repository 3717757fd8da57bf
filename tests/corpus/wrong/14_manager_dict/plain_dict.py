"""Wrong: a plain dict: each child writes into its own copy, and the caller's stays empty."""
from multiprocessing import Process


def record(d, key, value):
    d[key] = value


def fill_in_manager(pairs):
    d = {}
    procs = [Process(target=record, args=(d, key, value)) for key, value in pairs]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return d
