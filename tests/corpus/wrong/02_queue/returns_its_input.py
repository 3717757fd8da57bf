"""Wrong: a child runs produce and the caller drains the queue, but then returns the list it
was given: the items it returns never came from the child."""
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
    while q.get() != STOP:
        pass
    p.join()
    return list(items)
