"""Wrong: the counter is made once, on the first call, and kept in a module global. The first
call returns the right total; a second call in the same program goes on counting from where
the first one stopped and returns twice the total."""
from multiprocessing import Process, Value

_counter = None


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def count_up(n_processes, n_each):
    global _counter
    if _counter is None:
        _counter = Value("i", 0)
    processes = [Process(target=add_many, args=(_counter, n_each)) for _ in range(n_processes)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return _counter.value
