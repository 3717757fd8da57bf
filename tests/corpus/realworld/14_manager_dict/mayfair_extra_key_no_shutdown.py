"""Source: robin-lai/mayfair, algo_rec/learn/py/multiprocess.py: a module-level plain dict
`d = {"1": 2}`; worker(procnum, return_dict) prints "<n> represent!", stores
return_dict[procnum] = procnum, prints d["1"], then also stores return_dict["2"] = d["1"];
the main block makes `manager = multiprocessing.Manager()` (never shut down) and
`return_dict = manager.dict()`, starts five workers, joins them, prints dict(return_dict).
Adapted: worker(procnum, return_dict) -> record(return_dict, key, value) storing value under
key (instead of procnum under procnum), the extra `return_dict["2"] = d["1"]` and the prints
kept; the main block -> fill_in_manager(pairs), one process per pair, returning
dict(return_dict); the module's `d` kept.
Expected (teacher, read and run plainly): wrong: every child also writes the key "2" (with 2),
so the returned dict has a pair that was never asked for (and even [] gives {} only because
no child runs); and the Manager is never shut down, its server process outlives the call.
Held out, graded once: agreed under fork and spawn.
"""
import multiprocessing

d = {"1": 2}

def record(return_dict, key, value):
    """worker function"""
    print(str(key) + " represent!")
    return_dict[key] = value
    print(d["1"])
    return_dict["2"] = d["1"]


def fill_in_manager(pairs):
    manager = multiprocessing.Manager()
    return_dict = manager.dict()
    jobs = []
    for key, value in pairs:
        p = multiprocessing.Process(target=record, args=(return_dict, key, value))
        jobs.append(p)
        p.start()

    for proc in jobs:
        proc.join()
    print(dict(return_dict))
    return dict(return_dict)
