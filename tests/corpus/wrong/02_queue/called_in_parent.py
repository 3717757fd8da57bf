"""Wrong: collect calls produce in the calling process instead of starting a new one."""

from multiprocessing import Queue

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    q = Queue()
    produce(q, items)
    result = []
    while True:
        item = q.get()
        if item == STOP:
            break
        result.append(item)
    return result
