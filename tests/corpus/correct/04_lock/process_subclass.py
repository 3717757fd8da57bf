"""Correct: a Process subclass whose run() calls report with the shared lock."""

from multiprocessing import Lock, Process


def report(lock, i):
    with lock:
        print("this is", i, flush=True)


class Reporter(Process):
    def __init__(self, lock, number):
        super().__init__()
        self.lock = lock
        self.number = number

    def run(self):
        report(self.lock, self.number)


def report_all(n):
    lock = Lock()
    reporters = [Reporter(lock, i) for i in range(n)]
    for r in reporters:
        r.start()
    for r in reporters:
        r.join()
