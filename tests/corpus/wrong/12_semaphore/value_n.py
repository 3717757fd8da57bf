"""Wrong: Semaphore(n) lets every process in at once."""
from multiprocessing import Process, Semaphore


def guarded(sem, work, i):
    with sem:
        work(i)


def run_limited(work, n, limit):
    sem = Semaphore(n)
    procs = [Process(target=guarded, args=(sem, work, i)) for i in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
