"""Wrong: one child writes every pair, instead of one process per pair."""
from multiprocessing import Manager, Process


def record(d, key, value):
    d[key] = value


def record_all(d, pairs):
    for key, value in pairs:
        record(d, key, value)


def fill_in_manager(pairs):
    with Manager() as manager:
        d = manager.dict()
        p = Process(target=record_all, args=(d, pairs))
        p.start()
        p.join()
        return dict(d)
