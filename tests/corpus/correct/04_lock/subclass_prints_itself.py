"""Correct: a Process subclass whose run() prints its line itself under `with self.lock:`, as
report does (report is written too, for report_holds_lock); one Lock shared by all."""
from multiprocessing import Lock, Process


def report(lock, i):
    with lock:
        print("this is", i)


class Reporter(Process):
    def __init__(self, lock, i):
        super().__init__()
        self.lock = lock
        self.i = i

    def run(self):
        with self.lock:
            print("this is", self.i)


def report_all(n):
    lock = Lock()
    workers = [Reporter(lock, i) for i in range(n)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
