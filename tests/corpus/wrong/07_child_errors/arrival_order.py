"""Wrong: run_all keeps the outcomes in the order they arrive, not by their index. It passes
whenever the children happen to finish in order (5 of 11 runs for real); the grader makes the
first child's outcome arrive last, so it is caught every time."""
from multiprocessing import Process, Queue


def run_task(results, index, func, arg):
    try:
        results.put((index, True, func(arg)))
    except Exception as exc:
        results.put((index, False, "%s: %s" % (type(exc).__name__, exc)))


def run_all(func, args):
    results = Queue()
    procs = [Process(target=run_task, args=(results, i, func, a)) for i, a in enumerate(args)]
    for p in procs:
        p.start()
    answers = []
    for _ in args:
        index, ok, payload = results.get()
        answers.append(payload)  # the index is ignored
    for p in procs:
        p.join()
    return answers


def exit_codes(func, args):
    procs = [Process(target=func, args=(a,)) for a in args]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return [p.exitcode for p in procs]
