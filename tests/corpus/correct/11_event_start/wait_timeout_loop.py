"""Correct: the workers wait with a time limit, in a loop, until the event is set; a Process
subclass."""
from multiprocessing import Event, Process, Queue


class Worker(Process):
    def __init__(self, start_event, i, results):
        super().__init__()
        self.start_event, self.i, self.results = start_event, i, results

    def run(self):
        worker(self.start_event, self.i, self.results)


def worker(start, i, results):
    while not start.wait(timeout=0.5):
        pass
    results.put(i)


def start_together(n):
    start, results = Event(), Queue()
    workers = [Worker(start, i, results) for i in range(n)]
    for w in workers:
        w.start()
    start.set()
    numbers = [results.get() for _ in range(n)]
    for w in workers:
        w.join()
    return numbers
