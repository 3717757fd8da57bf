"""Exercise 11: start workers together with an Event.

Processes started one after the other begin their work one after the other. To let them all
begin at the same moment, give them a ``multiprocessing.Event``: each worker waits on it, and
the parent sets it once every worker has been started. ``event.wait()`` blocks until another
process calls ``event.set()``; after that, every ``wait()`` returns at once.
"""

from multiprocessing import Event, Process, Queue


def worker(start, i, results):
    """Wait for the start signal, then put ``i`` on ``results``.

    Parameters
    ----------
    start : multiprocessing.Event
        The start signal, shared by every worker.
    i : int
        This worker's number.
    results : multiprocessing.Queue
        Where the worker puts its number once it has started.

    Returns
    -------
    None

    Example
    -------
    >>> start, results = Event(), Queue()
    >>> start.set()
    >>> worker(start, 3, results)
    >>> results.get()
    3
    """
    ### BEGIN SOLUTION: wait on start, then put i on results
    start.wait()
    results.put(i)
    ### END SOLUTION


def start_together(n):
    """Start ``n`` workers that all wait for one start signal, then give it.

    Parameters
    ----------
    n : int
        How many workers to start; they run ``worker(start, i, results)`` for i in range(n).

    Returns
    -------
    list
        The n numbers the workers put on the queue, in the order they arrived.

    Example
    -------
    >>> sorted(start_together(3))
    [0, 1, 2]
    """
    ### BEGIN SOLUTION: make one Event and one Queue, start every worker, then set the Event, get n numbers, join them all
    start, results = Event(), Queue()
    processes = [Process(target=worker, args=(start, i, results)) for i in range(n)]
    for p in processes:
        p.start()
    start.set()  # only once every worker has been started
    received = [results.get() for _ in range(n)]
    for p in processes:
        p.join()
    return received
    ### END SOLUTION


if __name__ == "__main__":
    print(start_together(4))
