"""Wrong: report prints first and only then takes the lock (and does nothing with it)."""

from multiprocessing import Lock, Process


def report(lock, i):
    print("this is", i, flush=True)
    with lock:
        pass


def report_all(n):
    lock = Lock()
    processes = [Process(target=report, args=(lock, i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
