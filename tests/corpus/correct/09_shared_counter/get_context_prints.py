"""Correct: a spawn context, the increment spelled out as read-then-write inside the lock,
debug prints in the children and the caller."""
import multiprocessing as mp
import os


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            current = counter.value
            counter.value = current + 1
    print("process", os.getpid(), "added", n, flush=True)


def count_up(n_processes, n_each):
    ctx = mp.get_context("spawn")
    counter = ctx.Value("i", 0)
    procs = [ctx.Process(target=add_many, args=(counter, n_each)) for _ in range(n_processes)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("total", counter.value)
    return counter.value
