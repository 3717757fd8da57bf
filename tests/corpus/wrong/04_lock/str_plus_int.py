"""Wrong: report builds the line with "this is " + i, a TypeError, so every child crashes."""

from multiprocessing import Lock, Process


def report(lock, i):
    with lock:
        print("this is " + i, flush=True)


def report_all(n):
    lock = Lock()
    processes = [Process(target=report, args=(lock, i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
