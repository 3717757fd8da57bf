"""Wrong: counter.value += 1 without the lock: the Value's own locking covers the read and
the write one at a time, not the two together, so increments can be lost."""
from multiprocessing import Process, Value


def add_many(counter, n):
    for _ in range(n):
        counter.value += 1


def count_up(n_processes, n_each):
    counter = Value("i", 0)
    procs = [Process(target=add_many, args=(counter, n_each)) for _ in range(n_processes)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return counter.value

