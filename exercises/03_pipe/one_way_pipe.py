"""Exercise 03: set up a one-way Pipe.

``multiprocessing.Pipe()`` returns the two ends of a connection. With
``duplex=False`` the pipe is one-way: the first end can only receive, the
second can only send. The receiver gets ``EOFError`` from ``recv()`` once
every copy of the sending end has been closed, which makes a natural
"no more data" signal.
"""

from multiprocessing import Pipe, Process


def make_one_way_pipe():
    """Create a one-way pipe.

    Parameters
    ----------
    None

    Returns
    -------
    tuple
        ``(receiving_end, sending_end)``: two Connection objects; the first
        can only ``recv()``, the second can only ``send()``.

    Example
    -------
    >>> r, w = make_one_way_pipe()
    >>> w.send("hi")
    >>> r.recv()
    'hi'
    """
    # TODO: create a Pipe with duplex=False and return (receiving_end, sending_end)
    raise NotImplementedError


def send_all(conn, items):
    """Send each item through ``conn`` in order, then close it.

    Parameters
    ----------
    conn : multiprocessing.connection.Connection
        The sending end of a pipe.
    items : list
        The objects to send (any picklable objects).

    Returns
    -------
    None

    Example
    -------
    >>> r, w = make_one_way_pipe()
    >>> send_all(w, [1, 2])
    >>> r.recv(), r.recv()
    (1, 2)
    >>> r.recv()
    Traceback (most recent call last):
    ...
    EOFError
    """
    # TODO: send each item through conn, then close conn
    raise NotImplementedError


def receive_all(items):
    """Send ``items`` from a child process through a one-way pipe and gather them.

    Parameters
    ----------
    items : list
        The objects the child should send.

    Returns
    -------
    list
        The items received, in order.

    Example
    -------
    >>> receive_all([11, None, "lily"])
    [11, None, 'lily']
    """
    # TODO: make a one-way pipe, start a Process running send_all(sending_end, items), close the parent's sending end, recv until EOFError, join, return the items
    raise NotImplementedError


if __name__ == "__main__":
    print(receive_all([11, None, "lily"]))
