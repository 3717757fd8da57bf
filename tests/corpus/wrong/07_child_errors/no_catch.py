"""Wrong: run_task does not catch the exception: the child dies with it, and no outcome is
ever put for that task."""
from multiprocessing import Process, Queue


def run_task(results, index, func, arg):
    results.put((index, True, func(arg)))


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
    for p in procs:
        p.join()
    return [p.exitcode for p in procs]

