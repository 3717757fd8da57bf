"""Wrong: every producer puts a STOP after its items, and run_pipeline puts none: with two
producers and three consumers, one consumer never gets a STOP."""
from multiprocessing import Process, Queue

STOP = "STOP"


def produce(tasks, items):
    for item in items:
        tasks.put(item)
    tasks.put(STOP)


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
    got = [results.get() for b in batches for _ in b]
    for p in producers + consumers:
        p.join()
    return got
