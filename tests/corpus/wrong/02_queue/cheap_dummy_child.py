"""Cheap trick: collect starts (and joins) a child that does nothing and returns list(items)
itself; produce is right but nobody runs it for collect, and no item crosses a process
boundary. Run plainly: the right lists under every start method."""

from multiprocessing import Process, Queue

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def idle():
    pass


def collect(items):
    q = Queue()
    p = Process(target=idle)
    p.start()
    p.join()
    return list(items)
