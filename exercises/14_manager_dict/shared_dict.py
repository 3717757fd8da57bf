"""Exercise 14: fill one dict from several processes with a Manager.

A plain dict passed to a child is copied into it: what the child writes stays in the child. A
``multiprocessing.Manager()`` runs a small server process that owns real Python objects, and
hands out *proxies* to them: ``manager.dict()`` returns a proxy that any process can use like a
dict, each operation being sent to the one dict in the manager's process.
"""

from multiprocessing import Manager, Process


def record(d, key, value):
    """Store ``value`` under ``key`` in the shared dict ``d``.

    Parameters
    ----------
    d : dict or multiprocessing.managers.DictProxy
        The dict to write into.
    key : hashable
        The key.
    value : object
        The value (any picklable object).

    Returns
    -------
    None

    Example
    -------
    >>> d = {}
    >>> record(d, "a", 1)
    >>> d
    {'a': 1}
    """
    # TODO: set d[key] to value
    raise NotImplementedError


def fill_in_manager(pairs):
    """Fill one Manager dict from one process per pair, and return its contents.

    Parameters
    ----------
    pairs : list of (key, value)
        One process is started for each pair; it runs ``record(d, key, value)``.

    Returns
    -------
    dict
        A plain dict copy of the shared dict, taken after every process was joined.

    Example
    -------
    >>> fill_in_manager([("a", 1), ("b", 2)])
    {'b': 2, 'a': 1}
    """
    # TODO: in a `with Manager() as manager:` block, make manager.dict(), start a Process per pair running record(d, key, value), join them all, and return dict(d)
    raise NotImplementedError


if __name__ == "__main__":
    print(fill_in_manager([("a", 1), ("b", [2, 3]), ("c", None)]))
