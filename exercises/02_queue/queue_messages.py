"""Exercise 02: pass data through a Queue.

Processes do not share memory, so they talk through channels.
``multiprocessing.Queue`` is a process-safe FIFO: one process ``put``s
objects, another ``get``s them, in the same order. The producer ends the
stream with a sentinel value, ``STOP``, so the consumer knows when to stop.
"""

from multiprocessing import Process, Queue

STOP = "STOP"


def produce(q, items):
    """Put every item on the queue, in order, then ``STOP``.

    Parameters
    ----------
    q : multiprocessing.Queue
        The queue to write to.
    items : list
        The objects to send (any picklable objects).

    Returns
    -------
    None

    Example
    -------
    >>> q = Queue()
    >>> produce(q, [1, 2])
    >>> q.get(), q.get(), q.get()
    (1, 2, 'STOP')
    """
    # TODO: put each item on q in order, then put STOP
    raise NotImplementedError


def collect(items):
    """Send ``items`` from a child process through a Queue and gather them.

    Parameters
    ----------
    items : list
        The objects the child should produce.

    Returns
    -------
    list
        The items received from the child, in order (``STOP`` not included).

    Example
    -------
    >>> collect([11, None, "lily"])
    [11, None, 'lily']
    """
    # TODO: create a Queue, start a Process running produce(q, items), get items until STOP, then join and return them
    raise NotImplementedError


if __name__ == "__main__":
    print(collect([11, None, "lily"]))
