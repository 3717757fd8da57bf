"""Wrong: exit_codes reads the exit codes right after starting the processes, before joining
them, when they are still None."""
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
    procs = [Process(target=func, args=(a,)) for a in args]
    for p in procs:
        p.start()
    codes = [p.exitcode for p in procs]
    for p in procs:
        p.join()
    return codes
