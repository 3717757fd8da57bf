"""Wrong: a threading.Lock passed to children, after the student chose spawn themselves."""
import multiprocessing
import threading
def report(lock, i):
    with lock:
        print("this is", i, flush=True)
def report_all(n):
    multiprocessing.set_start_method("spawn", force=True)
    lock = threading.Lock()
    ps = [multiprocessing.Process(target=report, args=(lock, i)) for i in range(n)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
