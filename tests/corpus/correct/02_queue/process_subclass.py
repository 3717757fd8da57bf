"""Correct: a Process subclass whose run() calls produce; items put one by one with keyword args."""

from multiprocessing import Process, Queue

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(obj=item)
    q.put(obj=STOP)


class Producer(Process):
    def __init__(self, q, items):
        super().__init__()
        self.q = q
        self.items = items

    def run(self):
        produce(self.q, self.items)


def collect(items):
    q = Queue()
    producer = Producer(q, items)
    producer.start()
    result = []
    item = q.get()
    while item != STOP:
        result.append(item)
        item = q.get()
    while producer.exitcode is None:
        producer.join(0.05)
    return result
