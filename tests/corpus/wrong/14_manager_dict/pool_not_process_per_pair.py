"""Wrong: a Pool of two workers writes every pair (starmap), instead of one process per pair:
the Pool's workers and the Manager's server are processes the student's code did not start."""
from multiprocessing import Manager, Pool


def record(d, key, value):
    d[key] = value


def fill_in_manager(pairs):
    with Manager() as manager:
        d = manager.dict()
        with Pool(2) as pool:
            pool.starmap(record, [(d, key, value) for key, value in pairs])
        return dict(d)
