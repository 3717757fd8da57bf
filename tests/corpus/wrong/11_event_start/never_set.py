"""Wrong: the parent never sets the event, so the workers wait forever."""
from multiprocessing import Event, Process, Queue


def worker(start, i, results):
    start.wait()
    results.put(i)


def start_together(n):
    start, results = Event(), Queue()
    procs = [Process(target=worker, args=(start, i, results)) for i in range(n)]
    for p in procs:
        p.start()
    got = [results.get() for _ in range(n)]
    for p in procs:
        p.join()
    return got
