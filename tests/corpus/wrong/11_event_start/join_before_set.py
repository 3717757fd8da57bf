"""Wrong: the parent joins the workers before setting the event."""
from multiprocessing import Event, Process, Queue


def worker(start, i, results):
    start.wait()
    results.put(i)


def start_together(n):
    start, results = Event(), Queue()
    procs = [Process(target=worker, args=(start, i, results)) for i in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    start.set()
    return [results.get() for _ in range(n)]
