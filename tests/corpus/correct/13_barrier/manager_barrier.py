"""Correct: a Manager's Barrier (a proxy to a barrier in the manager's process), shared by
every worker; the manager is shut down by its own `with`."""
from multiprocessing import Manager, Process


def phased(barrier, work, i):
    work(1, i)
    barrier.wait()
    work(2, i)


def run_phases(work, n):
    with Manager() as manager:
        barrier = manager.Barrier(n)
        workers = [Process(target=phased, args=(barrier, work, i)) for i in range(n)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
