"""Wrong: imap_unordered gives the results in the order they finish."""
from multiprocessing import Pool


def square(x):
    return x * x


def map_in_pool(function, items, processes):
    with Pool(processes) as pool:
        return list(pool.imap_unordered(function, items))
