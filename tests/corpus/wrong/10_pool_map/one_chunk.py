"""Wrong: a chunksize as large as the list puts every item in one task, run by one worker."""
from multiprocessing import Pool


def square(x):
    return x * x


def map_in_pool(function, items, processes):
    with Pool(processes) as pool:
        return pool.map(function, items, chunksize=max(1, len(items)))
