"""Wrong: the consumers append to a module-level list instead of a results queue; each child
appends to its own copy, so the caller's list stays empty."""
from multiprocessing import Process, Queue

STOP = "STOP"
consumed = []


def produce(tasks, items):
    for item in items:
        tasks.put(item)


def consume(tasks, results):
    while True:
        item = tasks.get()
        if item == STOP:
            break
        consumed.append(item)


def run_pipeline(batches, n_consumers):
    tasks, results = Queue(), Queue()
    producers = [Process(target=produce, args=(tasks, b)) for b in batches]
    consumers = [Process(target=consume, args=(tasks, results)) for _ in range(n_consumers)]
    for p in producers + consumers:
        p.start()
    for p in producers:
        p.join()
    for _ in consumers:
        tasks.put(STOP)
    for c in consumers:
        c.join()
    return list(consumed)
