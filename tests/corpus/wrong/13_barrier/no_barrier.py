"""Wrong: phased never waits at the barrier."""
from multiprocessing import Barrier, Process


def phased(barrier, work, i):
    work(1, i)
    work(2, i)


def run_phases(work, n):
    barrier = Barrier(n)
    procs = [Process(target=phased, args=(barrier, work, i)) for i in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
