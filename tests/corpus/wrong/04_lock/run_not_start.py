"""Wrong: report_all calls p.run() instead of p.start(), so every report runs in the calling process."""

from multiprocessing import Lock, Process


def report(lock, i):
    with lock:
        print("this is", i, flush=True)


def report_all(n):
    lock = Lock()
    processes = [Process(target=report, args=(lock, i)) for i in range(n)]
    for p in processes:
        p.run()
    for p in processes:
        p.join()
