"""Source: pythonz2h.com, "Synchronization and Locks: Preventing Race Conditions"
(https://pythonz2h.com/chapter_09_concurrency_and_parallelism/series_02_multiprocessing_and_parallelism/python-multiprocessing-locks-synchronization-prevent-race-conditions),
its first, UNSAFE example: `current = counter.value; time.sleep(0); counter.value = current + 1`
in a loop on a Value(ctypes.c_int, 0), two processes started and joined; the page shows it to lose
updates before it adds a lock.
Adapted: increment(counter) -> add_many(counter, n), range(100_000) -> range(n); the __main__
block -> count_up(n_processes, n_each): n_processes processes in a list instead of p1 and p2, and
counter.value returned instead of printed.
Expected: a bug: every read and every write of counter.value is made without counter.get_lock()
(the sleep(0) between them only widens the gap); add_many_locked and count_up_total fail under
fork, spawn and forkserver (run plainly, count_up(4, 200) gave 215 to 614 of 800 in
nine runs, three per start method). count_up_small (3 processes, 1 each) is left out: its total is right or not by
luck (2 instead of 3 in four of those nine runs).
"""
import ctypes
import multiprocessing
import time


def add_many(counter, n):
    """UNSAFE: reads and writes without synchronization."""
    for _ in range(n):
        # Read-modify-write is NOT atomic
        current = counter.value
        time.sleep(0)  # Yield to allow interleaving
        counter.value = current + 1


def count_up(n_processes, n_each):
    counter = multiprocessing.Value(ctypes.c_int, 0)
    processes = [multiprocessing.Process(target=add_many, args=(counter, n_each))
                 for _ in range(n_processes)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return counter.value
