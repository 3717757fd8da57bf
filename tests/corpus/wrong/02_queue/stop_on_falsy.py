"""Wrong: collect stops at the first falsy item (such as None or 0) instead of at STOP."""

from multiprocessing import Process, Queue

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    q = Queue()
    p = Process(target=produce, args=(q, items))
    p.start()
    result = []
    item = q.get()
    while item and item != STOP:
        result.append(item)
        item = q.get()
    p.join()
    return result
