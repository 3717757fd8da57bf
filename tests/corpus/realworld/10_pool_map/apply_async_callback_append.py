"""Source: a Chinese course's notes on the process pool (public GitHub file, code index id
19401488366): `pool = Pool(processes=4)`, `for i in range(100): pool.apply_async(func, (i,))`,
`pool.close()`, `pool.join()`.
Adapted: func -> the given function; the results, which the notes drop, are collected with
apply_async's callback, `callback=results.append` (the way the pattern is usually completed);
map_in_pool returns that list; square(x) returns x * x.
Expected: a bug: results come back in the order the tasks finish, not the order of the items.
square_in_pool and no_items pass; the grader's function makes item 0 finish last, so the
several-workers scenario fails ("the right values in the wrong order"), fork and spawn."""
from multiprocessing import Pool


def square(x):
    return x * x


def map_in_pool(function, items, processes):
    results = []
    pool = Pool(processes=processes)

    for i in items:
        pool.apply_async(function, (i,), callback=results.append)
    pool.close()
    pool.join()
    return results
