"""Exercise 08: requests and replies over a two-way Pipe.

``Pipe()`` (duplex, the default) gives two ends that can both send and
receive. A server process holds one end and answers each request it
receives on it; the client holds the other, sends a request and waits for
its reply before sending the next. The client ends the conversation with an
agreed request, ``STOP``, after which the server returns.
"""

from multiprocessing import Pipe, Process

STOP = "STOP"


def serve(conn):
    """Answer every request received on ``conn`` with ``request * 2``, until ``STOP``.

    Parameters
    ----------
    conn : multiprocessing.connection.Connection
        The server's end of a two-way pipe.

    Returns
    -------
    None
        Returns when it receives ``STOP`` (which it does not answer), after closing ``conn``.

    Example
    -------
    >>> here, there = Pipe()
    >>> for request in [21, "ab", STOP]:
    ...     here.send(request)
    >>> serve(there)
    >>> here.recv(), here.recv()
    (42, 'abab')
    """
    ### BEGIN SOLUTION: receive requests until STOP, sending request * 2 back for each one; then close conn
    while True:
        request = conn.recv()
        if request == STOP:
            break
        conn.send(request * 2)
    conn.close()
    ### END SOLUTION


def ask_all(requests):
    """Start a server process running ``serve`` and ask it every request, one at a time.

    Parameters
    ----------
    requests : list
        The requests to send, in order (anything ``* 2`` works on).

    Returns
    -------
    list
        The server's reply to each request, in order.

    Example
    -------
    >>> ask_all([21, "ab", [1]])
    [42, 'abab', [1, 1]]
    """
    ### BEGIN SOLUTION: make a two-way Pipe, start a Process running serve(server_end), send each request and receive its reply before the next, send STOP, join the server
    here, there = Pipe()
    server = Process(target=serve, args=(there,))
    server.start()
    there.close()  # the server has its own copy of that end
    replies = []
    for request in requests:
        here.send(request)
        replies.append(here.recv())  # the reply, before the next request
    here.send(STOP)
    server.join()
    here.close()
    return replies
    ### END SOLUTION


if __name__ == "__main__":
    print(ask_all([21, "ab", [1]]))
