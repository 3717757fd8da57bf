"""Cheap trick: collect calls p.run() instead of p.start(): produce runs in the calling process
(its puts do not block: a feeder thread writes them), the items are read back, then join()
raises AssertionError: can only join a started process."""

from multiprocessing import Process, Queue

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    q = Queue()
    p = Process(target=produce, args=(q, items))
    p.run()
    result = []
    while True:
        item = q.get()
        if item == STOP:
            break
        result.append(item)
    p.join()
    return result
