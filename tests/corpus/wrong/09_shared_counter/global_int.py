"""Wrong: add_many increments a module-level int instead of the shared Value; every process
changes its own copy."""
from multiprocessing import Process, Value

total = 0


def add_many(counter, n):
    global total
    for _ in range(n):
        total += 1


def count_up(n_processes, n_each):
    procs = [Process(target=add_many, args=(None, n_each)) for _ in range(n_processes)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return total
