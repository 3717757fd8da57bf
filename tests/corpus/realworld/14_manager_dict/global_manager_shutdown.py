"""Source: the Indonesian write-up on LibreOffice conversions (public GitHub file, code index id
42983495435): a module-level `_manager = Manager()` and a global semaphore made from it, used by
every later call.
Adapted: the module-level manager kept (`_manager = Manager()` at import); record(d, key, value)
stores d[key] = value; fill_in_manager(pairs) takes `_manager.dict()`, one process per pair, all
joined, copies it, then `_manager.shutdown()` as the statement asks.
Expected: a bug: the manager is made at import (so under spawn every child that imports the module
starts a manager of its own while bootstrapping: error), and it is shut down after the first call,
so a second call in the same program fails (the issue's "bugs that need a second call"). fork:
one call per scenario passes; the second-call bug is missed unless a scenario calls twice.
Verdict expected (decided before grading): a bug: the module-level Manager is shut down at the end of the first call, so a second call fails (AssertionError: server not yet started, seen in a plain run); under spawn the import-time Manager() fails in every child.
Before the fix (a held-out program of issue 26), the grader said: fork: record_writes, fill_from_children and fill_nothing passed; spawn: fill_from_children error (import-time process, true message), fill_nothing passed.
The diagnosis then: each scenario calls fill_in_manager once in a fresh runner (issue 26, bugs that need a second call); under fork nothing catches it. A scenario calling the function twice in one runner would."""
from multiprocessing import Manager, Process

_manager = Manager()


def record(d, key, value):
    d[key] = value


def fill_in_manager(pairs):
    d = _manager.dict()
    ps = [Process(target=record, args=(d, k, v)) for k, v in pairs]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    out = d.copy()
    _manager.shutdown()
    return out
