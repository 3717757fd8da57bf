"""Wrong: no semaphore at all; every process works whenever it likes."""
from multiprocessing import Process, Semaphore


def guarded(sem, work, i):
    work(i)


def run_limited(work, n, limit):
    sem = Semaphore(limit)
    procs = [Process(target=guarded, args=(sem, work, i)) for i in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
