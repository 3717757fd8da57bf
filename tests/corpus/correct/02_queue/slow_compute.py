"""Correct but slow: produce computes for about 0.5 s (bounded busy loop) before producing."""

import time
from multiprocessing import Process, Queue

STOP = "STOP"


def produce(q, items):
    deadline = time.monotonic() + 0.5
    n = 0
    while time.monotonic() < deadline:
        n += 1
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    q = Queue()
    p = Process(target=produce, args=(q, items))
    p.start()
    result = []
    while True:
        item = q.get()
        if item == STOP:
            break
        result.append(item)
    p.join()
    return result
