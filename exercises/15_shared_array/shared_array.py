"""Exercise 15: several processes fill one Array in shared memory.

A list handed to a child process is copied into it: what the child writes
stays in its copy. ``multiprocessing.Array("i", n)`` is ``n`` C ints in
shared memory: every process that gets the same Array reads and writes the
same numbers. Each child fills its own slice, so no two processes write the
same element.
"""

from multiprocessing import Array, Process


def fill_squares(arr, start, stop):
    """Write ``i * i`` into ``arr[i]`` for every ``i`` from ``start`` up to, not including, ``stop``.

    Parameters
    ----------
    arr : multiprocessing.Array
        A shared array of integers, ``Array("i", n)``.
    start, stop : int
        The slice of ``arr`` to fill.

    Returns
    -------
    None

    Example
    -------
    >>> arr = Array("i", 5)
    >>> fill_squares(arr, 1, 4)
    >>> arr[:]
    [0, 1, 4, 9, 0]
    """
    # TODO: for each i in range(start, stop), write i * i into arr[i]
    raise NotImplementedError


def parallel_squares(n, n_processes):
    """Fill an ``Array("i", n)`` with the squares ``0, 1, 4, ...`` using ``n_processes`` processes; return them as a list.

    Parameters
    ----------
    n : int
        How many squares: the array's length.
    n_processes : int
        How many processes to start, each running ``fill_squares`` on its own
        slice; together the slices cover the whole array.

    Returns
    -------
    list of int
        The array's contents once every process has ended: ``[i * i for i in range(n)]``.

    Example
    -------
    >>> parallel_squares(6, 3)
    [0, 1, 4, 9, 16, 25]
    """
    # TODO: create Array("i", n); start n_processes Processes running fill_squares on slices that cover it; join them all; return its contents as a list
    raise NotImplementedError


if __name__ == "__main__":
    print(parallel_squares(7, 2))
