"""Source: SuperFastPython, "Multiprocessing Pool.imap_unordered() in Python" (`with Pool() as
pool: for result in pool.imap_unordered(task, range(10)): print(result)`; the tutorial points out
that the results come back in the order the tasks complete).
Adapted: task -> square; the loop -> map_in_pool(function, items, processes), Pool() ->
Pool(processes), the printed results collected in a list and returned.
Expected: a bug: the results come back in completion order. The grader's function makes item 0
finish last, so the several-workers scenario fails, fork and spawn; square_in_pool may pass
(quick items come back in order often) -- but the statement asks for the order of the items."""
from multiprocessing import Pool


def square(x):
    return x * x


def map_in_pool(function, items, processes):
    results = []
    with Pool(processes) as pool:
        for result in pool.imap_unordered(function, items):
            results.append(result)
    return results
