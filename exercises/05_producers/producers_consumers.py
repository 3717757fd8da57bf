"""Exercise 05: several producers and several consumers over one Queue.

Many processes can share one ``multiprocessing.Queue``: producers ``put``
work on it, consumers ``get`` it, and each item goes to exactly one
consumer. The producers do not know when the others are done, so the
coordinator ends the stream: once every producer has been joined, it puts
one ``STOP`` per consumer, because each consumer stops at the one ``STOP``
it takes.
"""

from multiprocessing import Process, Queue

STOP = "STOP"


def produce(tasks, items):
    """Put every item on ``tasks``, in order (no ``STOP``: the coordinator sends those).

    Parameters
    ----------
    tasks : multiprocessing.Queue
        The work queue shared by every producer and consumer.
    items : list
        The objects to put (any picklable objects).

    Returns
    -------
    None

    Example
    -------
    >>> tasks = Queue()
    >>> produce(tasks, ["a", "b"])
    >>> tasks.get(), tasks.get()
    ('a', 'b')
    """
    # TODO: put each item on tasks, in order (and nothing else)
    raise NotImplementedError


def consume(tasks, results):
    """Get items from ``tasks`` until ``STOP``; put each item on ``results``.

    Parameters
    ----------
    tasks : multiprocessing.Queue
        The work queue (a JoinableQueue works too); it holds one ``STOP`` for this consumer.
    results : multiprocessing.Queue
        Where to put every item taken from ``tasks`` (never ``STOP``).

    Returns
    -------
    None
        Returns as soon as it has taken one ``STOP``; whatever is behind it stays on ``tasks``.

    Example
    -------
    >>> tasks, results = Queue(), Queue()
    >>> for obj in [7, 0, STOP]:
    ...     tasks.put(obj)
    >>> consume(tasks, results)
    >>> results.get(), results.get()
    (7, 0)
    """
    # TODO: get items until one equals STOP, putting every other item on results
    raise NotImplementedError


def run_pipeline(batches, n_consumers):
    """Produce ``batches`` with one producer process each and consume them with ``n_consumers`` processes.

    Parameters
    ----------
    batches : list of list
        One list of items per producer: producer k runs ``produce(tasks, batches[k])``.
    n_consumers : int
        How many consumer processes run ``consume(tasks, results)``.

    Returns
    -------
    list
        Every item of every batch, each exactly once, in any order.

    Example
    -------
    >>> sorted(run_pipeline([[1, 2, 3], [4, 5]], 3))
    [1, 2, 3, 4, 5]
    """
    # TODO: start the producers and consumers, join the producers, put one STOP per consumer, get every item from results, then join the consumers
    raise NotImplementedError


if __name__ == "__main__":
    print(sorted(run_pipeline([[1, 2, 3], [4, 5]], 3)))
