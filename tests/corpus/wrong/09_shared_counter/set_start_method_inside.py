"""Wrong: count_up calls set_start_method() itself. It works the first time; the second call
in the same program raises RuntimeError: context has already been set."""
import multiprocessing
from multiprocessing import Process, Value


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def count_up(n_processes, n_each):
    multiprocessing.set_start_method("fork")
    counter = Value("i", 0)
    processes = [Process(target=add_many, args=(counter, n_each)) for _ in range(n_processes)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return counter.value
