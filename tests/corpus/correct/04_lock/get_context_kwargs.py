"""Correct: get_context() objects and the lock passed by keyword."""

import multiprocessing


def report(lock, i):
    with lock:
        print(f"this is {i}", flush=True)


def report_all(n):
    ctx = multiprocessing.get_context()
    lock = ctx.Lock()
    workers = [ctx.Process(target=report, kwargs={"lock": lock, "i": i}) for i in range(n)]
    for w in workers:
        w.start()
    for w in workers:
        while w.exitcode is None:
            w.join(0.05)
