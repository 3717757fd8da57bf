"""Wrong: the event is set inside the loop that starts the workers, after the first start."""
from multiprocessing import Event, Process, Queue


def worker(start, i, results):
    start.wait()
    results.put(i)


def start_together(n):
    start, results = Event(), Queue()
    procs = []
    for i in range(n):
        p = Process(target=worker, args=(start, i, results))
        p.start()
        procs.append(p)
        start.set()
    got = [results.get() for _ in range(n)]
    for p in procs:
        p.join()
    return got
