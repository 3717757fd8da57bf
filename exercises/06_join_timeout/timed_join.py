"""Exercise 06: wait for a process with a time limit, and stop it if it overruns.

``p.join()`` waits for as long as the process runs, which may be for ever.
``p.join(timeout)`` waits at most ``timeout`` seconds and then returns
whether or not the process has ended, so look with ``p.is_alive()``
afterwards. A process that is still running can be stopped with
``p.terminate()``, which only sends it a signal: ``join()`` it afterwards
to wait until it is really gone, and only then read ``p.exitcode``.
"""

from multiprocessing import Process


def stop(p):
    """Stop the started process ``p`` if it is still running, wait for it, return its exit code.

    Parameters
    ----------
    p : multiprocessing.Process
        A started process, running or already ended.

    Returns
    -------
    int
        ``p.exitcode`` once ``p`` has ended: its own exit code if it ended by itself,
        a negative number (minus the signal's number) if ``terminate()`` ended it.

    Example
    -------
    >>> import time
    >>> p = Process(target=time.sleep, args=(60,))
    >>> p.start()
    >>> stop(p)  # on Linux and macOS: -15, ended by SIGTERM
    -15
    """
    # TODO: if p is still alive, terminate it; then join it and return its exit code
    raise NotImplementedError


def run_with_timeout(target, args, timeout):
    """Run ``target(*args)`` in a new process, wait at most ``timeout`` seconds, stop it if it overran.

    Parameters
    ----------
    target : callable
        A top-level function to run in the new process.
    args : tuple
        The arguments for ``target``.
    timeout : float
        How many seconds to wait for the process to end by itself.

    Returns
    -------
    tuple
        ``(finished, exitcode)``: ``finished`` is True if the process ended by itself
        within ``timeout`` seconds, False if it was still running and had to be stopped;
        ``exitcode`` is the process's exit code after it ended or was stopped.

    Example
    -------
    >>> import time
    >>> run_with_timeout(time.sleep, (0,), 5)
    (True, 0)
    >>> run_with_timeout(time.sleep, (60,), 0.5)  # on Linux and macOS
    (False, -15)
    """
    # TODO: start a Process running target(*args), join it with the timeout, see with is_alive() whether it finished, stop it, and return (finished, exitcode)
    raise NotImplementedError


if __name__ == "__main__":
    import time

    print(run_with_timeout(time.sleep, (0,), 5))
    print(run_with_timeout(time.sleep, (60,), 0.5))
