"""Exercise 16: a worker that runs for ever, started as a daemon, stopped cleanly.

A server process never returns by itself: it waits for the next job for
ever. Start it with ``daemon=True`` so that it can never outlive the
program, take the answers you need, then stop it: ``terminate()`` asks it to
end (the signal SIGTERM), and ``join()`` waits until it has. Its exit code is
then ``-signal.SIGTERM``: minus the number of the signal that ended it.
"""

from multiprocessing import Process, Queue


def serve(jobs, results):
    """For ever: take a number ``n`` from ``jobs`` and put ``n * n`` on ``results``.

    Parameters
    ----------
    jobs : multiprocessing.Queue
        Numbers to square, one at a time.
    results : multiprocessing.Queue
        Where each square goes, in the order the jobs came.

    Returns
    -------
    Never: it waits for the next job until the process is stopped.
    """
    ### BEGIN SOLUTION: loop for ever: get a number n from jobs, put n * n on results
    while True:
        n = jobs.get()
        results.put(n * n)
    ### END SOLUTION


def run_jobs(numbers):
    """Square ``numbers`` in a daemon worker running ``serve``; stop it with terminate() and join().

    Parameters
    ----------
    numbers : list of int
        The jobs, in order.

    Returns
    -------
    tuple (list of int, int)
        The squares, in the order of ``numbers``, and the worker's exit code
        once it has been stopped and joined: ``-signal.SIGTERM`` (``-15``).

    Example
    -------
    >>> run_jobs([2, 3])
    ([4, 9], -15)
    """
    ### BEGIN SOLUTION: start serve as a daemon Process, put every number on jobs, get one result per number, terminate() it, join() it, return (results, exitcode)
    jobs, results = Queue(), Queue()
    worker = Process(target=serve, args=(jobs, results), daemon=True)
    worker.start()
    for n in numbers:
        jobs.put(n)
    squares = [results.get() for _ in numbers]
    worker.terminate()
    worker.join()
    return squares, worker.exitcode
    ### END SOLUTION


if __name__ == "__main__":
    print(run_jobs([2, 3, 4]))
