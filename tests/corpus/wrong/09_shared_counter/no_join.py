"""Wrong: count_up reads the counter without waiting for the adders."""
from multiprocessing import Process, Value


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def count_up(n_processes, n_each):
    counter = Value("i", 0)
    for _ in range(n_processes):
        Process(target=add_many, args=(counter, n_each)).start()
    return counter.value
