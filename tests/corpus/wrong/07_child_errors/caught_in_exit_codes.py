"""Wrong: exit_codes runs each task through run_task, which catches the exception, so every
process ends normally with exit code 0."""
from multiprocessing import Process, Queue


def run_task(results, index, func, arg):
    try:
        value = func(arg)
    except Exception as exc:
        results.put((index, False, "%s: %s" % (type(exc).__name__, exc)))
    else:
        results.put((index, True, value))


def run_all(func, args):
    results = Queue()
    procs = [Process(target=run_task, args=(results, i, func, a)) for i, a in enumerate(args)]
    for p in procs:
        p.start()
    answers = [None] * len(args)
    for _ in args:
        index, ok, payload = results.get()
        answers[index] = payload
    for p in procs:
        p.join()
    return answers


def exit_codes(func, args):
    results = Queue()
    procs = [Process(target=run_task, args=(results, i, func, a)) for i, a in enumerate(args)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return [p.exitcode for p in procs]
