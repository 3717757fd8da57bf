"""Correct: a pool of a spawn context, tasks given one by one with apply_async and the
results collected in the order of the items; the workers print what they do."""
import multiprocessing as mp
import os


def square(x):
    print("worker", os.getpid(), "squares", x, flush=True)
    return x * x


def map_in_pool(function, items, processes):
    ctx = mp.get_context("spawn")
    with ctx.Pool(processes) as pool:
        pending = [pool.apply_async(function, (item,)) for item in items]
        results = [p.get() for p in pending]
    return results
