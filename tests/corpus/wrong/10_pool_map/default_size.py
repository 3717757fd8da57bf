"""Wrong: Pool() ignores the number of processes it was given."""
from multiprocessing import Pool


def square(x):
    return x * x


def map_in_pool(function, items, processes):
    with Pool() as pool:
        return pool.map(function, items)
