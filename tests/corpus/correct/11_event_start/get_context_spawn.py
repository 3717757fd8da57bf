"""Correct: everything from a spawn context."""
import multiprocessing as mp


def worker(start, i, results):
    start.wait()
    results.put(i)


def start_together(n):
    ctx = mp.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=worker, args=(start, i, results)) for i in range(n)]
    for p in procs:
        p.start()
    start.set()
    out = [results.get() for _ in procs]
    for p in procs:
        p.join()
    return out
