"""Exercise 04: protect output with a Lock.

Several processes writing to the same terminal can get in each other's way.
A ``multiprocessing.Lock`` shared by all of them makes sure only one process
prints at a time: each one acquires the lock, prints, and releases it.
"""

from multiprocessing import Lock, Process


def report(lock, i):
    """Print ``this is <i>`` while holding ``lock``.

    Parameters
    ----------
    lock : multiprocessing.Lock
        The lock shared by every reporting process.
    i : int
        The number to report.

    Returns
    -------
    None

    Example
    -------
    >>> report(Lock(), 3)
    this is 3
    """
    ### BEGIN SOLUTION: with the lock held, print "this is <i>" (flush=True so it is written while you hold the lock)
    with lock:
        print("this is", i, flush=True)
    ### END SOLUTION


def report_all(n):
    """Start ``n`` processes that each report their number under one shared Lock.

    Parameters
    ----------
    n : int
        How many processes to start; they run ``report(lock, i)`` for i in range(n).

    Returns
    -------
    None
        Returns only after every process has finished.

    Example
    -------
    >>> report_all(3)  # the order may vary
    this is 0
    this is 2
    this is 1
    """
    ### BEGIN SOLUTION: create one Lock, start n Processes running report(lock, i), then join them all
    lock = Lock()
    processes = [Process(target=report, args=(lock, i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    ### END SOLUTION


if __name__ == "__main__":
    report_all(5)
