"""Wrong: the sentinel is compared with `is`. A string that crossed from another process is a
new object, so `item is STOP` is never true and collect waits for ever after STOP arrived."""
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
    out = []
    while True:
        item = q.get()
        if item is STOP:
            break
        out.append(item)
    p.join()
    return out
