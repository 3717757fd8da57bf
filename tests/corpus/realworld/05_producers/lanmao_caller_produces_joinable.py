"""Source: lanmao951220/xiaosheng2, 11-多线程/24.py: two consumer processes on a JoinableQueue, each
breaking on None (no task_done() at all); the caller runs producer(sequence, q) itself, puts one
None per consumer, then joins both consumers.
Adapted: consumer -> consume(tasks, results) (None -> STOP, the print -> results.put(item)),
producer -> produce(tasks, items) (prints dropped); the main -> run_pipeline(batches, n_consumers):
n consumers started, produce called by the caller for each batch (as the author does), one STOP per
consumer, every result got, the consumers joined.
Expected: produce and consume pass; run_pipeline gets every item back, but no producer runs in a
process of its own: pipeline and pipeline_falsy fail (no process), fork and spawn."""
import multiprocessing

STOP = "STOP"


def consume(tasks, results):
    while True:
        item = tasks.get()
        if item == STOP:
            break
        results.put(item)


def produce(tasks, items):
    for item in items:
        tasks.put(item)


def run_pipeline(batches, n_consumers):
    q = multiprocessing.JoinableQueue()
    results = multiprocessing.Queue()
    consumers = [multiprocessing.Process(target=consume, args=(q, results))
                 for _ in range(n_consumers)]
    for c in consumers:
        c.start()

    for sequence in batches:
        produce(q, sequence)

    for _ in consumers:
        q.put(STOP)
    out = [results.get() for _ in range(sum(len(b) for b in batches))]
    for c in consumers:
        c.join()
    return out
