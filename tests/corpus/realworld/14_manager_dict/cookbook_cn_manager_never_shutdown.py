"""Source: laixintao/python-parallel-programming-cookbook-cn, chapter3/manager.py: worker(dictionary,
key, item) stores `dictionary[key] = item` then prints "key = %d value = %d" % (key, item); the
main makes `mgr = multiprocessing.Manager()`, `dictionary = mgr.dict()`, ten processes, starts
and joins them, prints the dict; the manager is never shut down.
Adapted: worker -> record(d, key, value) (print kept); the main -> fill_in_manager(pairs), one
process per pair, returning dict(dictionary) instead of printing it.
Expected: a bug twice over: the author's %d print raises TypeError after the write when a key or
value is not a number (the grader's are strings), so record and every child crash with exit code
1; and the Manager is never shut down by the code (only dropped, for the garbage collector to end).
record_writes and fill_from_children fail (crashed), fork and spawn. (With no pairs nothing
crashes: whether a Manager left to the garbage collector counts as shut down is not pinned.)"""
import multiprocessing


def record(dictionary, key, item):
    dictionary[key] = item
    print("key = %d value = %d" % (key, item))


def fill_in_manager(pairs):
    mgr = multiprocessing.Manager()
    dictionary = mgr.dict()
    jobs = [multiprocessing.Process(target=record, args=(dictionary, k, v)) for k, v in pairs]
    for j in jobs:
        j.start()
    for j in jobs:
        j.join()
    return dict(dictionary)
