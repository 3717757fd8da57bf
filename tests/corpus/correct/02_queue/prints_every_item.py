"""Correct: both sides print every item (three of 3 MB each in a hidden test): correct code is
never failed for how much it prints within the time limit."""
from multiprocessing import Process, Queue
STOP = "STOP"
def produce(q, items):
    for item in items:
        print("sending", item)
        q.put(item)
    q.put(STOP)
def collect(items):
    q = Queue()
    p = Process(target=produce, args=(q, items))
    p.start()
    out = []
    while True:
        item = q.get()
        print("got", item)
        if item == STOP:
            break
        out.append(item)
    p.join()
    return out
