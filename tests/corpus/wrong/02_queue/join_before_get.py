"""Wrong: joins the producer before draining the queue; fine for small items, deadlocks for large ones."""

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
    p.join()
    result = []
    while True:
        item = q.get()
        if item == STOP:
            break
        result.append(item)
    return result
