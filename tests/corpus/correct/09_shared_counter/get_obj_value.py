"""Correct: each += is made on the raw ctypes object (get_obj().value) while holding the
Value's own lock."""
from multiprocessing import Process, Value


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.get_obj().value += 1


def count_up(n_processes, n_each):
    counter = Value("i", 0)
    procs = [Process(target=add_many, args=(counter, n_each)) for _ in range(n_processes)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return counter.value
