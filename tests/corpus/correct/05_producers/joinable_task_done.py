"""Correct: the tasks queue is a JoinableQueue; consume calls task_done() for every item and
for its STOP; the caller waits for the producers with join(), then tasks.join() after the STOPs."""
from multiprocessing import JoinableQueue, Process, Queue

STOP = "STOP"


def produce(tasks, items):
    for item in items:
        tasks.put(item)


def consume(tasks, results):
    while True:
        item = tasks.get()
        try:
            if item == STOP:
                break
            results.put(item)
        finally:
            tasks.task_done()


def run_pipeline(batches, n_consumers):
    tasks, results = JoinableQueue(), Queue()
    workers = [Process(target=consume, args=(tasks, results)) for _ in range(n_consumers)]
    for w in workers:
        w.start()
    makers = [Process(target=produce, args=(tasks, batch)) for batch in batches]
    for m in makers:
        m.start()
    for m in makers:
        m.join()
    for _ in workers:
        tasks.put(STOP)
    collected = [results.get() for batch in batches for _ in batch]
    tasks.join()
    for w in workers:
        w.join()
    return collected
