"""Exercise 01: start a process.

A ``multiprocessing.Process`` runs a function in a brand-new Python process.
You create it with ``Process(target=..., args=(...))``, launch it with
``start()``, and wait for it with ``join()``. After ``join()`` its
``exitcode`` tells you how it ended (0 means success).
"""

from multiprocessing import Process


def greet(name):
    """Print a greeting.

    Parameters
    ----------
    name : str
        Who to greet.

    Returns
    -------
    None
        Prints exactly ``hello <name>`` on one line.

    Example
    -------
    >>> greet("world")
    hello world
    """
    ### BEGIN SOLUTION: print the line "hello <name>"
    print("hello", name)
    ### END SOLUTION


def run_greeting(name):
    """Run ``greet(name)`` in a new process and wait for it.

    Parameters
    ----------
    name : str
        Passed on to ``greet``.

    Returns
    -------
    int
        The exit code of the child process (0 when greet finished normally).

    Example
    -------
    >>> run_greeting("world")
    hello world
    0
    """
    ### BEGIN SOLUTION: start a Process running greet(name), wait for it (join), return its exit code
    p = Process(target=greet, args=(name,))
    p.start()
    p.join()
    return p.exitcode
    ### END SOLUTION


def start_in_background(target, *args):
    """Start ``target(*args)`` in a new process without waiting for it.

    Parameters
    ----------
    target : callable
        A top-level function to run in the child process.
    *args
        Positional arguments for ``target``.

    Returns
    -------
    multiprocessing.Process
        The process, already started. The caller is responsible for joining it.

    Example
    -------
    >>> p = start_in_background(greet, "world")  # returns immediately
    >>> p.join()
    hello world
    >>> p.exitcode
    0
    """
    ### BEGIN SOLUTION: start a Process running target(*args) and return it at once (do not join)
    p = Process(target=target, args=args)
    p.start()
    return p
    ### END SOLUTION


if __name__ == "__main__":
    print("exit code:", run_greeting("world"))
