"""Wrong: consume stops at the first falsy item (`if not item`), so 0, None and "" end it
as if they were STOP."""
from multiprocessing import Process, Queue

STOP = "STOP"


def produce(tasks, items):
    for item in items:
        tasks.put(item)


def consume(tasks, results):
    while True:
        item = tasks.get()
        if not item or item == STOP:
            break
        results.put(item)


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
    got = [results.get() for b in batches for _ in b]
    for c in consumers:
        c.join()
    return got
