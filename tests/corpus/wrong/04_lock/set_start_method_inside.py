"""Wrong: report_all calls set_start_method() itself. It works the first time; the second call
in the same program raises RuntimeError: context has already been set."""
import multiprocessing
from multiprocessing import Lock, Process


def report(lock, i):
    with lock:
        print("this is", i, flush=True)


def report_all(n):
    multiprocessing.set_start_method("spawn")
    lock = Lock()
    processes = [Process(target=report, args=(lock, i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
