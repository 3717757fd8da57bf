"""Source: karthick-sh/streaming-fairness, Barrier.py (a research project's barrier for
processes, built from a Value and two Semaphores: the "turnstile" of the Little Book of
Semaphores).
Intent: a single-use barrier: each process counts itself in under a mutex; the one that makes
the count n opens the turnstile, and each process passes it and opens it for the next.
Adapted: the class kept as it is; phased(barrier, work, i) and run_phases(work, n) added around
it (the project uses it from its own processes): work(1, i), barrier.wait(), work(2, i); one
Barrier(n) for n processes, all started, then all joined.
Expected: passed: no worker passes the turnstile before the n-th has counted itself in, so no
second phase begins before every first phase is over (it uses no multiprocessing.Barrier)."""
from multiprocessing import Process, Semaphore, Value

class Barrier:
    def __init__(self, n):
        self.n       = n
        self.count   = Value('i', 0)
        self.mutex   = Semaphore(1)
        self.barrier = Semaphore(0)

    def wait(self):
        self.mutex.acquire()
        self.count.value += 1
        self.mutex.release()

        if self.count.value == self.n:
            self.barrier.release()

        self.barrier.acquire()
        self.barrier.release()


def phased(barrier, work, i):
    work(1, i)
    barrier.wait()
    work(2, i)


def run_phases(work, n):
    barrier = Barrier(n)
    workers = [Process(target=phased, args=(barrier, work, i)) for i in range(n)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
