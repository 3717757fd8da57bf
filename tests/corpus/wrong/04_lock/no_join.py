"""Wrong: report_all starts the processes but never joins them."""

from multiprocessing import Lock, Process


def report(lock, i):
    with lock:
        print("this is", i, flush=True)


def report_all(n):
    lock = Lock()
    for i in range(n):
        Process(target=report, args=(lock, i)).start()
