"""Source: a public GitHub file by wenlong.jin, py_mul.py (code index id 32272540402):
add_one(lock, num) does, 3 times, `lock.acquire(); num.value += 1; print(num.value);
time.sleep(1); lock.release()`; the main block makes `num = Value('i', 0)` and a Lock, starts
two Processes on add_one, and never joins them.
Adapted: add_one(lock, num) -> add_many(counter, n) (range(n) instead of 3; the statement's
signature has no lock, so the author's separate Lock -> the Value's own counter.get_lock(), taken
and released the same way; the one-second sleep dropped, the print kept); the main block ->
count_up(n_processes, n_each): n_processes Processes instead of two, started and, as in the
source, never joined; it returns num.value at once.
Expected: add_many passes; count_up fails: it reads the counter while its processes are still
adding (a total short of n_processes * n_each) and returns with them not joined.
Held out, graded once: agreed under fork and spawn."""
from multiprocessing import Process, Lock, Value

import time


def add_many(counter, n):
    lock = counter.get_lock()
    for i in range(n):
        lock.acquire()
        counter.value += 1
        print(counter.value)
        lock.release()


def count_up(n_processes, n_each):
    num = Value('i', 0)
    procs = [Process(target=add_many, args=(num, n_each)) for _ in range(n_processes)]
    for p in procs:
        p.start()
    return num.value
