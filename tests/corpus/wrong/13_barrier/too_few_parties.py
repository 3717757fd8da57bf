"""Wrong: Barrier(n - 1): the first n-1 go on without the last, which then waits forever."""
from multiprocessing import Barrier, Process


def phased(barrier, work, i):
    work(1, i)
    barrier.wait()
    work(2, i)


def run_phases(work, n):
    barrier = Barrier(max(1, n - 1))
    procs = [Process(target=phased, args=(barrier, work, i)) for i in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
