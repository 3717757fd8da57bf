"""Correct: a Pool made and shut down by hand (close, then join), with a debug line."""
import multiprocessing


def square(x):
    return x ** 2


def map_in_pool(function, items, processes):
    pool = multiprocessing.Pool(processes=processes)
    print("pool of", processes, "for", len(items), "items")
    try:
        results = pool.map(function, items)
    finally:
        pool.close()
        pool.join()
    return results
