"""Source: mirguest/MirguestIssueReport, coding/python/multi-processing/multiprocessing_manager_dict.py
(Python 2).
Intent: ten processes each store one pair in a Manager dict; the parent joins them and prints
the dict. The manager is never shut down.
Adapted: worker -> record; the `__main__` block -> fill_in_manager(pairs) (one process per pair
instead of (i, i*2) for range(10)), and `print 'Results:', d` -> return d.
Expected: record_writes passed; fill_from_children and fill_nothing not_joined: the returned
proxy keeps the manager alive, so its server process is still running when the function returns
(run plainly the dict prints, and the manager lingers until the interpreter exits)."""
import multiprocessing

def record(d, key, value):
    d[key] = value

def fill_in_manager(pairs):
    mgr = multiprocessing.Manager()
    d = mgr.dict()
    jobs = [ multiprocessing.Process(target=record, args=(d, key, value))
             for key, value in pairs
             ]
    for j in jobs:
        j.start()
    for j in jobs:
        j.join()
    return d
