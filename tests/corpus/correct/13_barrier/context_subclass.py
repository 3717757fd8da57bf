"""Correct: a spawn context and a Process subclass that runs phased."""
import multiprocessing as mp


def phased(barrier, work, i):
    work(1, i)
    barrier.wait()
    work(2, i)


class Phased(mp.get_context("spawn").Process):
    def __init__(self, barrier, work, i):
        super().__init__()
        self.args_ = (barrier, work, i)

    def run(self):
        phased(*self.args_)


def run_phases(work, n):
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(n)
    workers = [Phased(barrier, work, i) for i in range(n)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
