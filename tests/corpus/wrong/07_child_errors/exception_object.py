"""Wrong: the exception object itself is sent and returned, instead of a string describing it."""
from multiprocessing import Process, Queue


def run_task(results, index, func, arg):
    try:
        results.put((index, True, func(arg)))
    except Exception as exc:
        results.put((index, False, exc))


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

