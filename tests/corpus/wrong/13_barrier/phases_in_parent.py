"""Wrong: the parent runs phase 1 for every item, then starts processes for phase 2 only."""
from multiprocessing import Barrier, Process


def phased(barrier, work, i):
    work(2, i)


def run_phases(work, n):
    for i in range(n):
        work(1, i)
    barrier = Barrier(n)
    procs = [Process(target=phased, args=(barrier, work, i)) for i in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
