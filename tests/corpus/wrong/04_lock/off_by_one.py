"""Wrong: report_all numbers the processes 1..n instead of 0..n-1."""

from multiprocessing import Lock, Process


def report(lock, i):
    with lock:
        print("this is", i, flush=True)


def report_all(n):
    lock = Lock()
    processes = [Process(target=report, args=(lock, i)) for i in range(1, n + 1)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
