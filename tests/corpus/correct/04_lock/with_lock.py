"""Correct: `with lock:` around a flushed print; start all, then join all."""

from multiprocessing import Lock, Process


def report(lock, i):
    with lock:
        print("this is", i, flush=True)


def report_all(n):
    lock = Lock()
    processes = []
    for i in range(n):
        p = Process(target=report, args=(lock, i))
        p.start()
        processes.append(p)
    for p in processes:
        p.join()
