"""Correct: the error line made with traceback.format_exception_only; run_all keeps a dict of
outcomes; exit_codes runs func through a Process subclass whose run() lets it raise."""
import traceback
from multiprocessing import Process, Queue


def run_task(results, index, func, arg):
    try:
        results.put((index, True, func(arg)))
    except Exception as exc:
        line = traceback.format_exception_only(type(exc), exc)[-1].strip()
        results.put((index, False, line))


def run_all(func, args):
    results = Queue()
    workers = []
    for i, arg in enumerate(args):
        w = Process(target=run_task, args=(results, i, func, arg))
        w.start()
        workers.append(w)
    outcomes = {}
    while len(outcomes) < len(args):
        index, ok, payload = results.get()
        outcomes[index] = payload
    for w in workers:
        w.join()
    return [outcomes[i] for i in range(len(args))]


class Runner(Process):
    def __init__(self, func, arg):
        super().__init__()
        self.func = func
        self.arg = arg

    def run(self):
        self.func(self.arg)


def exit_codes(func, args):
    runners = [Runner(func, arg) for arg in args]
    for r in runners:
        r.start()
    codes = []
    for r in runners:
        r.join()
        codes.append(r.exitcode)
    return codes
