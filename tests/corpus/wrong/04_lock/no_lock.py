"""Wrong: report ignores the lock and prints without holding it."""

from multiprocessing import Lock, Process


def report(lock, i):
    print("this is", i, flush=True)


def report_all(n):
    lock = Lock()
    processes = [Process(target=report, args=(lock, i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
