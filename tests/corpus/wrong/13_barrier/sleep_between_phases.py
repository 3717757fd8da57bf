"""Wrong: a pause instead of a barrier: each worker sleeps between its phases, hoping the others
finish their first phase meanwhile. A slow worker is still in phase 1 when the others go on."""
import time
from multiprocessing import Barrier, Process


def phased(barrier, work, i):
    work(1, i)
    time.sleep(0.3)
    work(2, i)


def run_phases(work, n):
    barrier = Barrier(n)
    workers = [Process(target=phased, args=(barrier, work, i)) for i in range(n)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
