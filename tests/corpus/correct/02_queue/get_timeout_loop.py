"""Correct: gets with a timeout in a loop (retrying on queue.Empty), then joins with a timeout loop."""

import queue
from multiprocessing import Process, Queue

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    q = Queue()
    p = Process(target=produce, kwargs={"q": q, "items": items})
    p.start()
    result = []
    while True:
        try:
            item = q.get(timeout=0.1)
        except queue.Empty:
            continue
        if item == STOP:
            break
        result.append(item)
    while p.is_alive():
        p.join(0.1)
    p.join()
    return result
