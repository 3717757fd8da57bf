"""Wrong: a pool is made, but the list comprehension runs the function in the caller."""
from multiprocessing import Pool


def square(x):
    return x * x


def map_in_pool(function, items, processes):
    with Pool(processes) as pool:
        return [function(item) for item in items]
