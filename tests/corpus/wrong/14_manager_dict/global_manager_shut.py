"""Wrong: the Manager is made once and kept in a module global, and shut down at the end of
the first call. The first call works; a second call in the same program uses a manager that is
no longer there and fails."""
from multiprocessing import Manager, Process

_manager = None


def record(d, key, value):
    d[key] = value


def fill_in_manager(pairs):
    global _manager
    if _manager is None:
        _manager = Manager()
    d = _manager.dict()
    procs = [Process(target=record, args=(d, key, value)) for key, value in pairs]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    result = dict(d)
    _manager.shutdown()
    return result
