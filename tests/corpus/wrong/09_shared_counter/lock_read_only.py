"""Wrong: only the read is made holding the lock; the write comes after it is released, so
another process can write in between."""
from multiprocessing import Process, Value


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            current = counter.value
        counter.value = current + 1


def count_up(n_processes, n_each):
    counter = Value("i", 0)
    procs = [Process(target=add_many, args=(counter, n_each)) for _ in range(n_processes)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return counter.value

