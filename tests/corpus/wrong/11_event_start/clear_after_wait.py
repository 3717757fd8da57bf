"""Wrong: each worker clears the start Event once it got through. It works only when every
worker is already waiting when the parent sets the event; a worker that begins to wait after
another one cleared it waits forever (for real, 6 of 6 runs under spawn)."""
from multiprocessing import Event, Process, Queue


def worker(start, i, results):
    start.wait()
    start.clear()  # "reset the signal for next time"
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
