"""Wrong: the pool is never shut down (no with, no close/join)."""
from multiprocessing import Pool


def square(x):
    return x * x


def map_in_pool(function, items, processes):
    pool = Pool(processes)
    return pool.map(function, items)
