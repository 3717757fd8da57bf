"""Wrong: the STOPs are put right after the processes start, before the producers are joined,
so a STOP can get ahead of items the producers have yet to put."""
from multiprocessing import Process, Queue

STOP = "STOP"


def produce(tasks, items):
    for item in items:
        tasks.put(item)


def consume(tasks, results):
    while True:
        item = tasks.get()
        if item == STOP:
            break
        results.put(item)


def run_pipeline(batches, n_consumers):
    tasks, results = Queue(), Queue()
    producers = [Process(target=produce, args=(tasks, b)) for b in batches]
    consumers = [Process(target=consume, args=(tasks, results)) for _ in range(n_consumers)]
    for p in producers + consumers:
        p.start()
    for _ in range(n_consumers):
        tasks.put(STOP)
    for p in producers:
        p.join()
    got = [results.get() for b in batches for _ in b]
    for c in consumers:
        c.join()
    return got
