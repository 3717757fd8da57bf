"""Wrong: each child makes a Lock of its own and prints holding it. Under fork these locks can
share a handle (the same address in each child), yet they keep no one out."""
from multiprocessing import Process, Lock
def report(lock, i):
    my = Lock()
    with my:
        print("this is", i, flush=True)
def report_all(n):
    lock = Lock()
    ps = [Process(target=report, args=(lock, i)) for i in range(n)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
