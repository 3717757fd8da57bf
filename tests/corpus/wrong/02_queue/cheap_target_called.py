"""Cheap trick: Process(target=produce(q, items)): produce runs in the calling process while
the Process is built, the Process gets target=None and its child does nothing; collect then
reads what the caller itself put. Run plainly: the right lists under every start method."""

from multiprocessing import Process, Queue

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    q = Queue()
    p = Process(target=produce(q, items))
    p.start()
    result = []
    while True:
        item = q.get()
        if item == STOP:
            break
        result.append(item)
    p.join()
    return result
