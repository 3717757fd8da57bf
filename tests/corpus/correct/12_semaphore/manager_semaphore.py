"""Correct: a Manager's Semaphore (a proxy to a semaphore in the manager's process), held with
`with` around the work; the manager is shut down by its own `with`."""
from multiprocessing import Manager, Process


def guarded(sem, work, i):
    with sem:
        work(i)


def run_limited(work, n, limit):
    with Manager() as manager:
        sem = manager.Semaphore(limit)
        procs = [Process(target=guarded, args=(sem, work, i)) for i in range(n)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
