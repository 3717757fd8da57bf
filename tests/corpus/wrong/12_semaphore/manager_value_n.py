"""Wrong: a Manager's Semaphore made with n, not limit: every process may work at once."""
from multiprocessing import Manager, Process


def guarded(sem, work, i):
    sem.acquire()
    try:
        work(i)
    finally:
        sem.release()


def run_limited(work, n, limit):
    manager = Manager()
    sem = manager.Semaphore(n)
    procs = [Process(target=guarded, args=(sem, work, i)) for i in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    manager.shutdown()
