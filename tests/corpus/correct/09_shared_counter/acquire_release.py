"""Correct: acquire() and release() around the increment in try/finally; the adders are a
Process subclass; a 'l' (long) Value."""
from multiprocessing import Process, Value


def add_many(counter, n):
    lock = counter.get_lock()
    for _ in range(n):
        lock.acquire()
        try:
            counter.value += 1
        finally:
            lock.release()


class Adder(Process):
    def __init__(self, counter, n):
        super().__init__()
        self.counter = counter
        self.n = n

    def run(self):
        add_many(self.counter, self.n)


def count_up(n_processes, n_each):
    total = Value("l", 0)
    adders = [Adder(total, n_each) for _ in range(n_processes)]
    for a in adders:
        a.start()
    for a in adders:
        a.join()
    return total.value
