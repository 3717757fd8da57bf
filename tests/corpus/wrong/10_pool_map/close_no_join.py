"""Wrong: pool.close() without pool.join(): the workers are still ending when it returns."""
from multiprocessing import Pool


def square(x):
    return x * x


def map_in_pool(function, items, processes):
    pool = Pool(processes)
    results = pool.map(function, items)
    pool.close()
    return results
