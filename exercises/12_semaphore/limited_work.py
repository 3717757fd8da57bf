"""Exercise 12: cap how many processes work at once with a Semaphore.

A Lock lets one process in at a time. A ``multiprocessing.Semaphore(k)`` lets up to ``k`` in:
it holds a counter that starts at ``k``; ``acquire()`` takes one (waiting while it is 0) and
``release()`` gives it back. Wrapping the work in ``with sem:`` means that, however many
processes are running, at most ``k`` of them do the work at the same moment (useful when the
work uses something scarce: connections, memory, a licence).
"""

from multiprocessing import Process, Semaphore


def guarded(sem, work, i):
    """Call ``work(i)`` while holding the semaphore ``sem``.

    Parameters
    ----------
    sem : multiprocessing.Semaphore
        The semaphore shared by every worker.
    work : callable
        The task (a top-level function of one argument).
    i : int
        The argument for ``work``.

    Returns
    -------
    None

    Example
    -------
    >>> guarded(Semaphore(2), print, 3)
    3
    """
    # TODO: with sem held, call work(i)
    raise NotImplementedError


def run_limited(work, n, limit):
    """Run ``work(i)`` for i in range(n), each in its own process, at most ``limit`` at once.

    Parameters
    ----------
    work : callable
        The task (a top-level function of one argument).
    n : int
        How many processes to start; process i runs ``guarded(sem, work, i)``.
    limit : int
        The most processes that may run ``work`` at the same time.

    Returns
    -------
    None
        Returns only after every process has finished.

    Example
    -------
    >>> run_limited(print, 3, 2)  # the order may vary
    0
    2
    1
    """
    # TODO: create one Semaphore(limit), start n Processes running guarded(sem, work, i), then join them all
    raise NotImplementedError


if __name__ == "__main__":
    run_limited(print, 6, 2)
