"""Correct: writes the line with sys.stdout.write and flushes it before releasing the lock."""

import sys
from multiprocessing import Lock, Process


def report(lock, i):
    with lock:
        sys.stdout.write("this is " + str(i) + "\n")
        sys.stdout.flush()


def report_all(n):
    lock = Lock()
    processes = [Process(target=report, args=(lock, i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
