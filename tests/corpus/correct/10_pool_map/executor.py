"""Correct: concurrent.futures' ProcessPoolExecutor in a with block."""
from concurrent.futures import ProcessPoolExecutor


def square(x):
    return x * x


def map_in_pool(function, items, processes):
    with ProcessPoolExecutor(max_workers=processes) as executor:
        return list(executor.map(function, items))
