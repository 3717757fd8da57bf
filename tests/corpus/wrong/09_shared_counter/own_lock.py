"""Wrong (for this exercise): a separate Lock shared by all the adders instead of the Value's
own lock, counter.get_lock()."""
from multiprocessing import Lock, Process, Value

LOCK = Lock()


def add_many(counter, n, lock=LOCK):
    for _ in range(n):
        with lock:
            counter.value += 1


def count_up(n_processes, n_each):
    counter = Value("i", 0)
    lock = Lock()
    procs = [Process(target=add_many, args=(counter, n_each, lock)) for _ in range(n_processes)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return counter.value
