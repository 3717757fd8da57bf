"""Wrong: the worker never waits for the start signal."""
from multiprocessing import Event, Process, Queue


def worker(start, i, results):
    results.put(i)


def start_together(n):
    start, results = Event(), Queue()
    procs = [Process(target=worker, args=(start, i, results)) for i in range(n)]
    for p in procs:
        p.start()
    start.set()
    got = [results.get() for _ in range(n)]
    for p in procs:
        p.join()
    return got
