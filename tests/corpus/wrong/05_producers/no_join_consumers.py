"""Wrong: run_pipeline gets every result but never joins the consumers."""
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
    for p in producers:
        p.start()
    for _ in range(n_consumers):
        Process(target=consume, args=(tasks, results)).start()
    for p in producers:
        p.join()
    for _ in range(n_consumers):
        tasks.put(STOP)
    return [results.get() for b in batches for _ in b]
