"""Correct: a SimpleQueue for the outcomes; the processes are joined with a timeout loop."""
from multiprocessing import Process, SimpleQueue


def run_task(results, index, func, arg):
    try:
        outcome = (index, True, func(arg))
    except Exception as error:
        outcome = (index, False, type(error).__name__ + ": " + str(error))
    results.put(outcome)


def run_all(func, args):
    results = SimpleQueue()
    procs = [Process(target=run_task, args=(results, i, func, a)) for i, a in enumerate(args)]
    for p in procs:
        p.start()
    received = sorted(results.get() for _ in procs)
    for p in procs:
        while p.is_alive():
            p.join(0.1)
    return [payload for _, _, payload in received]


def exit_codes(func, args):
    procs = [Process(target=func, args=(a,)) for a in args]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return [p.exitcode for p in procs]
