"""Correct: get_context() objects and iter(q.get, STOP) as the read loop."""

import multiprocessing

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    ctx = multiprocessing.get_context()
    q = ctx.Queue()
    p = ctx.Process(target=produce, args=(q, items))
    p.start()
    result = list(iter(q.get, STOP))
    p.join()
    return result
