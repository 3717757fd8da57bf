"""Source: Eli Bendersky, "Shared counter with Python's multiprocessing" (2012),
http://eli.thegreenplace.net/2012/01/04/shared-counter-with-pythons-multiprocessing ("The wrong
way" section).
Intent: ten processes share a Value and each does val.value += 1 fifty times, with a
time.sleep(0.01) before each increment; the post shows totals below 500 from such runs.
Adapted: func(val) -> add_many(val, n) (range(n) instead of range(50)); the `__main__` block ->
count_up(n_processes, n_each), returning v.value instead of printing it; the time.sleep(0.01),
which only makes a lost increment likely, dropped.
Expected: add_many_locked and count_up_total failed under fork, spawn and forkserver: the read
and the write of += are made without holding val.get_lock(), whether or not an increment was
lost on that run (run plainly: totals below n_processes * n_each on some runs)."""
from multiprocessing import Process, Value

def add_many(val, n):
    for i in range(n):
        val.value += 1

def count_up(n_processes, n_each):
    v = Value('i', 0)
    procs = [Process(target=add_many, args=(v, n_each)) for i in range(n_processes)]
    for p in procs: p.start()
    for p in procs: p.join()
    return v.value
