"""Correct: each process holds the counter's lock for its whole loop (coarse, but every
increment is made holding it)."""
from multiprocessing import Process, Value


def add_many(counter, n):
    with counter.get_lock():
        for _ in range(n):
            counter.value += 1


def count_up(n_processes, n_each):
    counter = Value("i", 0)
    procs = []
    for _ in range(n_processes):
        p = Process(target=add_many, args=(counter, n_each))
        p.start()
        procs.append(p)
    for p in procs:
        p.join()
    with counter.get_lock():
        return counter.value
