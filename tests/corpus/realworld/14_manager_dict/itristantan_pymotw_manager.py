"""Source: itristantan/learn, multiprocessing/manager_dict.py (PyMOTW's
multiprocessing_manager_dict.py): worker(d, key, value) stores d[key] = value; `mgr =
multiprocessing.Manager()`, `d = mgr.dict()`, ten processes started then joined, `print('Results:',
d)`.
Adapted: worker -> record; the main -> fill_in_manager(pairs), one process per pair; the print ->
a copy returned, and `mgr.shutdown()` added before returning as the statement asks (the author's
program ends there and its manager with it).
Expected: passed under fork and spawn."""
import multiprocessing


def record(d, key, value):
    d[key] = value


def fill_in_manager(pairs):
    mgr = multiprocessing.Manager()
    d = mgr.dict()
    jobs = [
        multiprocessing.Process(
            target=record,
            args=(d, k, v),
        )
        for k, v in pairs
    ]
    for j in jobs:
        j.start()
    for j in jobs:
        j.join()
    result = d.copy()
    mgr.shutdown()
    return result
