"""Exercise 13: keep workers in step with a Barrier.

Some work comes in phases: every worker must finish phase 1 before any of them starts phase 2
(for example, phase 2 reads what all of phase 1 wrote). A ``multiprocessing.Barrier(n)`` is a
meeting point for ``n`` processes: each one that calls ``barrier.wait()`` stops there until all
``n`` have arrived, then they all go on together.
"""

from multiprocessing import Barrier, Process


def phased(barrier, work, i):
    """Do phase 1 of item ``i``, wait for every worker at the barrier, then do phase 2.

    Parameters
    ----------
    barrier : multiprocessing.Barrier
        The barrier shared by every worker.
    work : callable
        The task, called as ``work(1, i)`` then ``work(2, i)``.
    i : int
        This worker's item.

    Returns
    -------
    None

    Example
    -------
    >>> phased(Barrier(1), lambda phase, i: print(phase, i), 4)
    1 4
    2 4
    """
    ### BEGIN SOLUTION: call work(1, i), then barrier.wait(), then work(2, i)
    work(1, i)
    barrier.wait()
    work(2, i)
    ### END SOLUTION


def run_phases(work, n):
    """Run ``phased(barrier, work, i)`` for i in range(n), each in its own process.

    Parameters
    ----------
    work : callable
        The task (a top-level function of two arguments: the phase and the item).
    n : int
        How many processes to start, all meeting at one barrier.

    Returns
    -------
    None
        Returns only after every process has finished.

    Example
    -------
    >>> run_phases(print, 3)  # every "1 ..." line comes before every "2 ..." line
    1 0
    1 2
    1 1
    2 1
    2 0
    2 2
    """
    ### BEGIN SOLUTION: create one Barrier(n), start n Processes running phased(barrier, work, i), then join them all
    barrier = Barrier(n)
    processes = [Process(target=phased, args=(barrier, work, i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    ### END SOLUTION


if __name__ == "__main__":
    run_phases(print, 4)
