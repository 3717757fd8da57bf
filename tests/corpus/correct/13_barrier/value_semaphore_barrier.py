"""Correct: a barrier built from a shared count (a Value) and a Semaphore: the last worker to
arrive lets every waiting worker through (the classic "turnstile" of the Little Book of
Semaphores), one release per worker."""
from multiprocessing import Process, Semaphore, Value


class CountingBarrier:
    def __init__(self, n):
        self.n = n
        self.count = Value("i", 0)
        self.turnstile = Semaphore(0)

    def wait(self):
        with self.count.get_lock():
            self.count.value += 1
            last = self.count.value == self.n
        if last:
            for _ in range(self.n):
                self.turnstile.release()
        self.turnstile.acquire()


def phased(barrier, work, i):
    work(1, i)
    barrier.wait()
    work(2, i)


def run_phases(work, n):
    barrier = CountingBarrier(n)
    workers = [Process(target=phased, args=(barrier, work, i)) for i in range(n)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
