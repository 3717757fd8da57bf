"""Wrong: the Pool is made once, on the first call, and kept in a module global; each call
closes and joins it when its work is done. The first call works; a second call in the same
program hands work to a pool that is no longer running (ValueError: Pool not running)."""
from multiprocessing import Pool

_pool = None


def square(x):
    return x * x


def map_in_pool(function, items, processes):
    global _pool
    if _pool is None:
        _pool = Pool(processes)
    results = _pool.map(function, items)
    _pool.close()
    _pool.join()
    return results
