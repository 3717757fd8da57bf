"""Source: facebookresearch/dlrm, data_utils.py, as quoted in issue #279 ("-data-multiprocessing
flag"): `resultDay = Manager().dict()` (the Manager object itself kept nowhere), one
Process(target=process_one_file, name="process_one_file:%i" % i, args=(..., i, ...,
resultDay)) per day, all started, all joined, then `total_per_file[day] = resultDay[day]` read
back for each day. The manager is never shut down by the code.
Adapted: process_one_file -> record(d, key, value), storing d[key] = value (the author's worker
stores its day's result under the day); the block -> fill_in_manager(pairs): one process per
pair, named as the author named them, all started, all joined, then each pair's value read back
from resultDay by its key into a plain dict, which is returned.
Expected: correct under CPython. The only reference to the Manager is the one the dict proxy
holds, so when fill_in_manager returns, the proxy goes and the Manager with it, and the
Manager's finalizer shuts its server process down (and waits for it) before the caller goes
on: nothing outlives the call, though no line says shutdown(). Run plainly under fork, spawn and
forkserver (CPython 3.11): fill_in_manager([("a", 1), ("b", [2, 3])]) returned
{'a': 1, 'b': [2, 3]} with no child process left afterwards, twice in one interpreter;
fill_in_manager([]) returned {}. record_writes, fill_from_children and fill_nothing pass."""
from multiprocessing import Manager, Process


def record(d, key, value):
    d[key] = value


def fill_in_manager(pairs):
    resultDay = Manager().dict()
    processes = [Process(target=record,
                         name="process_one_file:%i" % i,
                         args=(resultDay,
                               key,
                               value,
                               )
                         ) for i, (key, value) in enumerate(pairs)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    result = {}
    for key, _ in pairs:
        result[key] = resultDay[key]
    return result
