"""Wrong: the children start and are joined, but report prints nothing (and takes no lock)."""
from multiprocessing import Lock, Process


def report(lock, i):
    pass


def report_all(n):
    lock = Lock()
    processes = [Process(target=report, args=(lock, i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
