"""Exercise 09: a counter in shared memory, protected by its lock.

``multiprocessing.Value`` puts one number in memory that every process
sharing it sees. Reading or writing ``counter.value`` is safe on its own,
but ``counter.value += 1`` is a read followed by a write: two processes can
both read 5 and both write 6, and one increment is lost. Hold the Value's
own lock, ``counter.get_lock()``, around the whole read-modify-write.
"""

from multiprocessing import Process, Value


def add_many(counter, n):
    """Add 1 to ``counter.value``, ``n`` times, each time holding ``counter.get_lock()``.

    Parameters
    ----------
    counter : multiprocessing.Value
        A shared integer, ``Value("i", ...)``.
    n : int
        How many increments to make.

    Returns
    -------
    None

    Example
    -------
    >>> counter = Value("i", 0)
    >>> add_many(counter, 3)
    >>> counter.value
    3
    """
    # TODO: n times, with counter.get_lock() held, do counter.value += 1
    raise NotImplementedError


def count_up(n_processes, n_each):
    """Let ``n_processes`` processes each add ``n_each`` to one shared counter; return the total.

    Parameters
    ----------
    n_processes : int
        How many processes to start, each running ``add_many(counter, n_each)``.
    n_each : int
        How many increments each process makes.

    Returns
    -------
    int
        The counter's value once every process has ended: ``n_processes * n_each``.

    Example
    -------
    >>> count_up(4, 1000)
    4000
    """
    # TODO: create Value("i", 0), start n_processes Processes running add_many(counter, n_each), join them all, return counter.value
    raise NotImplementedError


if __name__ == "__main__":
    print(count_up(4, 1000))
