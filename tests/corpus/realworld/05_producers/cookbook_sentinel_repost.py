"""Source: David Beazley and Brian K. Jones, Python Cookbook, 3rd ed., recipe 12.3
"Communicating Between Threads" (the producer puts the sentinel `_sentinel` after its data; the
consumer, on the sentinel, puts it back on the queue so that other consumers see it too).
Adapted: threads -> processes (multiprocessing.Queue instead of queue.Queue), producer(out_q) ->
produce(tasks, items) putting the given items then the sentinel (STOP); consumer(in_q) ->
consume(tasks, results), putting each item on results; a run_pipeline in the recipe's shape:
start every producer and consumer, join the producers, put one STOP per consumer, read the
results, join the consumers.
Expected: produce puts STOP after its items (the recipe's design): produce fails ("nothing else,
no STOP"); with two producers the first producer's STOP stops consumers while the second still
has items, so run_pipeline loses items and waits for them for ever on some runs and not on others (racy:
not a verdict to pin), fork and spawn alike. consume passes (re-putting STOP on tasks takes nothing behind it)."""
from multiprocessing import Process, Queue

# Object that signals shutdown (a string here: it must survive pickling)
STOP = "STOP"


# A thread that produces data
def produce(tasks, items):
    for n in items:
        tasks.put(n)
    # Put the sentinel on the queue to indicate completion
    tasks.put(STOP)


# A thread that consumes data
def consume(tasks, results):
    while True:
        # Get some data
        data = tasks.get()

        # Check for termination
        if data == STOP:
            tasks.put(STOP)
            break

        # Process the data
        results.put(data)


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
    out = [results.get() for _ in range(sum(len(b) for b in batches))]
    for c in consumers:
        c.join()
    return out
