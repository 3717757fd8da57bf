"""Source: a public GitHub file (code index id 3902684228): worker(i, return_dict) prints
'Worker {} complete', stores return_dict[i] = random() and sleeps a second; the main block, for
each of cpu_count() workers, creates `manager = multiprocessing.Manager()` and
`return_dict = manager.dict()` INSIDE the loop, starts a Process on it and joins it at once,
then prints return_dict.values() after the loop. No manager is ever shut down.
Adapted: worker(i, return_dict) -> record(d, key, value) storing d[key] = value (the print
kept; the random value and the sleep dropped); the main block -> fill_in_manager(pairs), one
iteration per pair, returning dict(return_dict) where the author printed its values.
Expected: a bug. Each process writes into a manager of its own, and only the last manager's
dict is returned, so every pair but the last is lost; with no pairs the loop never binds
return_dict and the return raises UnboundLocalError. No manager outlives the call, though the
author never shuts one down: rebinding `manager` and `return_dict` drops the last references to
the previous manager, whose finalizer shuts its server down, and the last one goes the same way
when the function returns. Run plainly under fork, spawn and forkserver (CPython 3.11):
fill_in_manager([("a", 1), ("b", 2), ("c", 3)]) returned {'c': 3} with no child process left,
and fill_in_manager([]) raised UnboundLocalError. record_writes passed; fill_from_children
failed (the contents: only the last pair); fill_nothing crashed."""
import multiprocessing


def record(d, key, value):
    """worker function"""
    print('Worker {} complete'.format(key))
    d[key] = value

    return


def fill_in_manager(pairs):
    jobs = []
    for key, value in pairs:
        manager = multiprocessing.Manager()
        return_dict = manager.dict()
        p = multiprocessing.Process(target=record, args=(return_dict, key, value))
        jobs.append(p)
        p.start()
        p.join()

    return dict(return_dict)
