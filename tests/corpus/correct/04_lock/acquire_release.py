"""Correct: the tutorial's acquire / try / finally release style."""

import sys
from multiprocessing import Lock, Process


def report(lock, i):
    lock.acquire()
    try:
        print("this is %d" % i)
        sys.stdout.flush()
    finally:
        lock.release()


def report_all(n):
    lock = Lock()
    processes = [Process(target=report, args=(lock, num)) for num in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
