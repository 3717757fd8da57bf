"""Source: zikunw/parallelize-dfs, pooltest.py: `p = mp.Pool(5)`, print(p.map(f, [1, 2, 3])),
then p.terminate() called twice, no close() or join().
Adapted: f -> square(x); the main block -> map_in_pool(function, items, processes)
(mp.Pool(processes) instead of 5), returning the map's result; the print and both terminate()
calls kept.
Expected: passed under fork and spawn: map() has already returned every result, and
Pool.terminate() stops the workers and joins them before it returns (a second terminate() does
nothing), so no worker is left when map_in_pool returns.
Held out, graded once: agreed under fork and spawn."""
import multiprocessing as mp

def square(x):
    return x*x

def map_in_pool(function, items, processes):
    p = mp.Pool(processes)
    result = p.map(function, items)
    print(result)
    p.terminate()
    p.terminate()
    return result
