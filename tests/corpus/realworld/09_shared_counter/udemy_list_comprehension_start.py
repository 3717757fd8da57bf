"""Source: ayushghosh-123/python, udemy_course/Python_udemy/12_thread_concurrency/12_process_value.py:
increment(counter) does `with counter.get_lock(): counter.value += 1` 100000 times; the main makes
Value('i', 0) and four processes, started and joined with list comprehensions
(`[p.start() for p in process]`, `[p.join() for p in process]`), then prints the final value.
Adapted: increment(counter) -> add_many(counter, n) (100000 -> n); the main -> count_up(n_processes,
n_each) returning counter.value instead of printing it.
Expected: passed under fork and spawn."""
from multiprocessing import Process, Value


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def count_up(n_processes, n_each):
    counter = Value('i', 0)
    process = [Process(target=add_many, args=(counter, n_each)) for _ in range(n_processes)]
    [p.start() for p in process]
    [p.join() for p in process]

    return counter.value
