"""Source: the Python docs, multiprocessing, "Introduction": `with Pool(5) as p:
print(p.map(f, [1, 2, 3]))`, f(x) returning x*x.
Adapted: f -> square(x); the with block -> map_in_pool(function, items, processes) (Pool(5) ->
Pool(processes), the print -> return).
Expected: passed under fork and spawn."""
from multiprocessing import Pool


def square(x):
    return x*x


def map_in_pool(function, items, processes):
    with Pool(processes) as p:
        return p.map(function, items)
