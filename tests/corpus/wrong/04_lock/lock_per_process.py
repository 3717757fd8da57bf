"""Wrong: report_all gives every process its own new Lock, so nothing is shared."""

from multiprocessing import Lock, Process


def report(lock, i):
    with lock:
        print("this is", i, flush=True)


def report_all(n):
    locks = [Lock() for i in range(n)]
    processes = [Process(target=report, args=(locks[i], i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
