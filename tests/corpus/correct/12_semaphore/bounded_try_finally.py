"""Correct: a BoundedSemaphore, acquire and release by hand in try/finally, debug prints."""
import multiprocessing
import os


def guarded(sem, work, i):
    sem.acquire()
    try:
        print("pid", os.getpid(), "working on", i, flush=True)
        work(i)
    finally:
        sem.release()


def run_limited(work, n, limit):
    sem = multiprocessing.BoundedSemaphore(limit)
    print("starting", n, "workers, at most", limit, "at once")
    procs = []
    for i in range(n):
        p = multiprocessing.Process(target=guarded, args=(sem, work, i))
        p.start()
        procs.append(p)
    for p in procs:
        p.join()
