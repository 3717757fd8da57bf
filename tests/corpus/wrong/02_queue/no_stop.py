"""Wrong: produce never puts STOP, so collect waits forever for it."""

from multiprocessing import Process, Queue

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(item)


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
