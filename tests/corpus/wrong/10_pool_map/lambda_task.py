"""Wrong: a lambda cannot be sent to the pool's workers (pickling it fails)."""
from multiprocessing import Pool


def square(x):
    return x * x


def map_in_pool(function, items, processes):
    with Pool(processes) as pool:
        return pool.map(lambda item: function(item), items)
