"""Source: a public GitHub file of course notes (code index id 56135422111): f(n) returns n*n;
the main block makes `p = Pool(processes=3)`, `result = p.map(f,[1,2,3,4,5]) # func,arr`, with
the shutdown commented out (`#p.close(),p.join()`), and prints each result.
Adapted: f -> square(x); the main block -> map_in_pool(function, items, processes)
(Pool(processes=processes) instead of 3), returning the result instead of printing it; the
commented-out close/join kept as the author left it.
Expected: the results are right, in order, but the pool is never shut down: its worker processes
are still alive when map_in_pool returns, so every scenario that checks the shutdown fails.
Held out, graded once: agreed under fork and spawn."""
from multiprocessing import Pool


def square(n):
    return n*n


def map_in_pool(function, items, processes):
    p = Pool(processes=processes)
    result = p.map(function, items) # func,arr
    #p.close(),p.join()
    return result
