"""Wrong: the list of received items is a module global that collect never empties. The first
call returns the right items; a second call in the same program returns the first call's items
too."""
from multiprocessing import Process, Queue

STOP = "STOP"
received = []


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    q = Queue()
    p = Process(target=produce, args=(q, items))
    p.start()
    while True:
        item = q.get()
        if item == STOP:
            break
        received.append(item)
    p.join()
    return received
