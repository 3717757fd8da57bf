"""Wrong: the results queue comes from a Manager made once, on the first call of run_all, kept
in a module global and shut down at the end of the call. The first call works; a second call in
the same program asks a manager that is no longer there for a new queue and fails."""
from multiprocessing import Manager, Process

_manager = None


def run_task(results, index, func, arg):
    try:
        value = func(arg)
    except Exception as exc:
        results.put((index, False, "%s: %s" % (type(exc).__name__, exc)))
    else:
        results.put((index, True, value))


def run_all(func, args):
    global _manager
    if _manager is None:
        _manager = Manager()
    results = _manager.Queue()
    processes = [Process(target=run_task, args=(results, i, func, arg)) for i, arg in enumerate(args)]
    for p in processes:
        p.start()
    answers = [None] * len(args)
    for _ in args:
        index, ok, payload = results.get()
        answers[index] = payload
    for p in processes:
        p.join()
    _manager.shutdown()
    return answers


def exit_codes(func, args):
    processes = [Process(target=func, args=(arg,)) for arg in args]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return [p.exitcode for p in processes]
