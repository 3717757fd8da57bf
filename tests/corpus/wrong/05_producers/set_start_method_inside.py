"""Wrong: run_pipeline calls set_start_method() itself. It works the first time; the second call
in the same program raises RuntimeError: context has already been set."""
import multiprocessing
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
    multiprocessing.set_start_method("spawn")
    tasks, results = Queue(), Queue()
    producers = [Process(target=produce, args=(tasks, batch)) for batch in batches]
    consumers = [Process(target=consume, args=(tasks, results)) for _ in range(n_consumers)]
    for p in producers + consumers:
        p.start()
    for p in producers:
        p.join()
    for _ in consumers:
        tasks.put(STOP)
    total = sum(len(batch) for batch in batches)
    received = [results.get() for _ in range(total)]
    for c in consumers:
        c.join()
    return received
