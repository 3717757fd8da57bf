"""Wrong: the processes are started, but the caller does the work itself."""
from multiprocessing import Process, Semaphore


def guarded(sem, work, i):
    with sem:
        pass


def run_limited(work, n, limit):
    sem = Semaphore(limit)
    procs = [Process(target=guarded, args=(sem, work, i)) for i in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    for i in range(n):
        with sem:
            work(i)
