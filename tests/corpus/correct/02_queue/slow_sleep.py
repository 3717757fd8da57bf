"""Correct but slow: produce sleeps 0.5 s before producing; slow correct code must pass."""

import time
from multiprocessing import Process, Queue

STOP = "STOP"


def produce(q, items):
    time.sleep(0.5)
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    q = Queue()
    p = Process(target=produce, args=(q, items))
    p.start()
    result = []
    for item in iter(q.get, STOP):
        result.append(item)
    p.join()
    return result
