"""Source: qiujinwang66/learning_python2, gittest/day3/多进程.py (after Lutz's multi.py).
Intent: each child prints who it is under `with lock:`.
Adapted: whoami(label, lock) -> report(lock, i) printing 'this is %s' % i; the `__main__` loop
-> report_all(n).
Expected: report_holds_lock passed; report_all_lines and report_all_locked not_joined (p.start()
in a loop, never joined; run plainly as docs_no_join.py)."""
import os

from multiprocessing import Process, Lock

def report(lock, i):
    msg = 'this is %s'
    with lock:
        print(msg % i)   # %--实例化   %s--被实例化

def report_all(n):
    lock = Lock()

    for i in range(n):
        p = Process(target=report, args=(lock, i))
        p.start()
