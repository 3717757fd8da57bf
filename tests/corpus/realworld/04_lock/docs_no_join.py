#!/usr/bin/python3
"""Source: JustDoPython/python-100-day, day-052/multiprocessing-lock.py (the docs' Lock example,
printing 'this is', i).
Intent: a lock so that only one process prints at a time.
Adapted: f -> report, the `__main__` loop -> report_all(n) (range(n) instead of range(10)).
Expected: report_holds_lock passed; report_all_lines and report_all_locked not_joined: the
processes are never joined. Run plainly: under fork the function returns before the last
lines; under spawn and forkserver late children die with FileNotFoundError, the lock having
been freed when report_all returned."""
from multiprocessing import Process, Lock
def report(l, i):
    l.acquire()
    try:
        print('this is', i)
    finally:
        l.release()

def report_all(n):
    lock = Lock()

    for num in range(n):
        Process(target=report, args=(lock, num)).start()
