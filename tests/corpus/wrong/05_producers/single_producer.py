"""Wrong: one producer process puts every batch (the batches joined into one list), instead
of one producer per batch."""
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
    everything = [item for batch in batches for item in batch]
    producer = Process(target=produce, args=(tasks, everything))
    consumers = [Process(target=consume, args=(tasks, results)) for _ in range(n_consumers)]
    producer.start()
    for c in consumers:
        c.start()
    producer.join()
    for _ in consumers:
        tasks.put(STOP)
    got = [results.get() for _ in everything]
    for c in consumers:
        c.join()
    return got
