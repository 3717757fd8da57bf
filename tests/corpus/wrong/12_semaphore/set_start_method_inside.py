"""Wrong: run_limited calls set_start_method() itself. It works the first time; the second call
in the same program raises RuntimeError: context has already been set."""
import multiprocessing
from multiprocessing import Process, Semaphore


def guarded(sem, work, i):
    with sem:
        work(i)


def run_limited(work, n, limit):
    multiprocessing.set_start_method("fork")
    sem = Semaphore(limit)
    processes = [Process(target=guarded, args=(sem, work, i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
