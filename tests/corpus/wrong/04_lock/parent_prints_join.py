"""Wrong: print(p.join()) prints None from the caller for every child: extra lines, where the
output is the exercise."""
from multiprocessing import Process, Lock
def report(lock, i):
    with lock:
        print("this is", i, flush=True)
def report_all(n):
    lock = Lock()
    ps = [Process(target=report, args=(lock, i)) for i in range(n)]
    for p in ps:
        p.start()
    for p in ps:
        print(p.join())
