"""Source: sjsdalrim/2023-2_OS_Security, 9th/lock.py (a course's lock example: `with
_val.get_lock():` held around the whole `for _ in range(100000): _val.value += 1` loop, on a
`Value('i', 0, lock=True)` shared by two processes; the code runs at the top level of the module,
with no __main__ guard).
Adapted: increment(_val) -> add_many(counter, n), range(100000) -> range(n); the module-level code
-> count_up(n_processes, n_each): n_processes processes in a list instead of p1 and p2 (started,
then joined, as the author's `p1.start(), p2.start()` / `p1.join(), p2.join()`), and v.value
returned instead of printed.
Expected: correct: every read and write of counter.value is made holding counter.get_lock() (held
once around all n increments rather than once per increment, which the statement allows: each
increment holds it), and every process is joined: passed under fork, spawn and forkserver.
"""
from multiprocessing import Process, Value


def add_many(counter, n):
    with counter.get_lock():
        for _ in range(n):
            counter.value += 1


def count_up(n_processes, n_each):
    v = Value('i', 0, lock=True)
    processes = [Process(target=add_many, args=(v, n_each)) for _ in range(n_processes)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return v.value
