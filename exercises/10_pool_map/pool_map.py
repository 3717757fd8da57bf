"""Exercise 10: hand work to a Pool of processes.

Starting one Process per task is fine for a handful of tasks. For many small tasks a pool is
simpler: ``multiprocessing.Pool(processes)`` starts a fixed number of worker processes once,
and ``pool.map(function, items)`` hands the items out to whichever worker is free, then gives
the results back in the order of the items. A pool must be shut down when the work is done:
``with Pool(...) as pool:`` does it for you, or call ``pool.close()`` then ``pool.join()``.
"""

from multiprocessing import Pool


def square(x):
    """Return ``x`` squared.

    Parameters
    ----------
    x : int
        The number to square.

    Returns
    -------
    int
        ``x * x``.

    Example
    -------
    >>> square(-3)
    9
    """
    # TODO: return x multiplied by itself
    raise NotImplementedError


def map_in_pool(function, items, processes):
    """Apply ``function`` to every item in a pool of ``processes`` worker processes.

    Parameters
    ----------
    function : callable
        A top-level function of one argument (the workers must be able to import it).
    items : list
        The arguments, one task each.
    processes : int
        How many worker processes the pool has.

    Returns
    -------
    list
        ``[function(item) for item in items]``, computed in the workers, in the order of
        ``items``. The pool is shut down before returning.

    Example
    -------
    >>> map_in_pool(square, [1, 2, 3], 2)
    [1, 4, 9]
    """
    # TODO: make a Pool of `processes` workers in a with block, and return pool.map(function, items)
    raise NotImplementedError


if __name__ == "__main__":
    print(map_in_pool(square, list(range(10)), 4))
