"""Correct: the worker prints around its phases; the one that gets index 0 from wait() says so."""
import os
from multiprocessing import Barrier, Process


def phased(barrier, work, i):
    work(1, i)
    print("worker", i, "(pid %d) done with phase 1" % os.getpid(), flush=True)
    if barrier.wait() == 0:
        print("everyone is past phase 1", flush=True)
    work(2, i)


def run_phases(work, n):
    barrier = Barrier(n)
    procs = []
    for i in range(n):
        procs.append(Process(target=phased, args=(barrier, work, i)))
        procs[-1].start()
    for p in procs:
        p.join()
