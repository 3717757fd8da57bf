"""Correct: consumers are a Process subclass whose run() calls consume; consume uses
iter(tasks.get, STOP); the producers are waited for with a join(timeout) loop."""
from multiprocessing import Process, Queue

STOP = "STOP"


def produce(tasks, items):
    for item in items:
        tasks.put(item)


def consume(tasks, results):
    for item in iter(tasks.get, STOP):
        results.put(item)


class Consumer(Process):
    def __init__(self, tasks, results):
        super().__init__()
        self.tasks = tasks
        self.results = results

    def run(self):
        consume(self.tasks, self.results)


def run_pipeline(batches, n_consumers):
    tasks = Queue()
    results = Queue()
    consumers = [Consumer(tasks, results) for _ in range(n_consumers)]
    for c in consumers:
        c.start()
    producers = []
    for batch in batches:
        p = Process(target=produce, args=(tasks, batch))
        p.start()
        producers.append(p)
    for p in producers:
        while p.is_alive():
            p.join(0.05)
    for _ in range(n_consumers):
        tasks.put(STOP)
    out = []
    while len(out) < sum(map(len, batches)):
        out.append(results.get())
    for c in consumers:
        c.join()
    return out
