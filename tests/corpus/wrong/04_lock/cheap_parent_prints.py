"""Cheap trick: report_all starts and joins n processes that only take and release the lock,
and prints the expected `this is <i>` lines from the calling process itself, under the lock.
Run plainly: exactly the five lines, under every start method, all from the caller's pid."""

from multiprocessing import Lock, Process


def report(lock, i):
    with lock:
        print("this is", i, flush=True)


def touch(lock, i):
    with lock:
        pass


def report_all(n):
    lock = Lock()
    processes = [Process(target=touch, args=(lock, i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    for i in range(n):
        with lock:
            print("this is", i, flush=True)
