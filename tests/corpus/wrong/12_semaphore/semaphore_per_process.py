"""Wrong: a new Semaphore for each process, so none limits the others."""
from multiprocessing import Process, Semaphore


def guarded(sem, work, i):
    with sem:
        work(i)


def run_limited(work, n, limit):
    semaphores = [Semaphore(limit) for _ in range(n)]
    procs = [Process(target=guarded, args=(semaphores[i], work, i)) for i in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
