"""Wrong: the raw ctypes object (get_obj()) is incremented without the Value's lock: get_obj()
bypasses the lock that counter.value would take for each single read or write."""
from multiprocessing import Process, Value


def add_many(counter, n):
    raw = counter.get_obj()
    for _ in range(n):
        raw.value += 1


def count_up(n_processes, n_each):
    counter = Value("i", 0)
    procs = [Process(target=add_many, args=(counter, n_each)) for _ in range(n_processes)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return counter.value
