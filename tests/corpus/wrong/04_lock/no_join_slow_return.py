"""report_all starts spawn children and never joins them. It returns an object whose repr
waits (without joining) until they have all ended, so every child that fails to open the
lock freed by report_all's return does so before the grader has finished recording the call.
Those failures are the missing join's doing, however late the call's end is written down."""
import multiprocessing
from multiprocessing.connection import wait


def report(lock, i):
    with lock:
        print("this is", i, flush=True)


class Started:
    def __init__(self, processes):
        self.processes = processes

    def __repr__(self):
        wait([p.sentinel for p in self.processes])
        return "Started(%d)" % len(self.processes)


def report_all(n):
    ctx = multiprocessing.get_context("spawn")
    lock = ctx.Lock()
    processes = [ctx.Process(target=report, args=(lock, i)) for i in range(n)]
    for p in processes:
        p.start()
    return Started(processes)
