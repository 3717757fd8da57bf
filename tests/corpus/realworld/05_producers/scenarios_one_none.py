"""Source: zhangdongdong7/scenarios, python/challenge-python-multiprocessing/solutions/multiprocessing_queue.py.
Intent: one producer and one consumer over one Queue; the main program joins the producer,
puts one None and joins the consumer.
Adapted: the exercise's shape (one producer per batch, n_consumers consumers, a results queue
the consumer puts each item on instead of printing it, the caller gets them before joining
the consumers); the sentinel None -> STOP, compared with ==; the author's single put of the
sentinel kept.
Expected: produce_in_child and consume_in_child passed; pipeline deadlock under fork, spawn
and forkserver: one STOP for three consumers, so two of them wait in get() forever and the
caller waits in join() for them (run plainly: hangs under all three methods)."""
import multiprocessing

STOP = "STOP"

def produce(queue, items):
    for i in items:
        queue.put(i)

def consume(queue, results):
    while True:
        item = queue.get()
        if item == STOP:
            break
        results.put(item)

def run_pipeline(batches, n_consumers):
    queue = multiprocessing.Queue()
    results = multiprocessing.Queue()
    process_producers = [multiprocessing.Process(target=produce, args=(queue, b)) for b in batches]
    process_consumers = [multiprocessing.Process(target=consume, args=(queue, results)) for _ in range(n_consumers)]
    for p in process_producers:
        p.start()
    for c in process_consumers:
        c.start()
    for p in process_producers:
        p.join()
    queue.put(STOP)
    got = [results.get() for b in batches for _ in b]
    for c in process_consumers:
        c.join()
    return got
