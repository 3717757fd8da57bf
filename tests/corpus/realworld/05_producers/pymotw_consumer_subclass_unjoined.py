"""Source: Doug Hellmann, PyMOTW-3 "multiprocessing" (Communication Between Processes), the
JoinableQueue example, as kept in lanzhiwang/python3-standard-library-example,
source/24_multiprocessing/multiprocessing_producer_consumer.py: a Consumer(multiprocessing.Process)
subclass whose run() gets tasks until a None poison pill, printing each with the process's name,
calling task_done() for every task and for the pill; the main block starts the consumers,
enqueues the jobs, puts one None per consumer, waits with tasks.join(), then reads every result.
The consumers are never joined.
Adapted: run()'s loop moved into consume(tasks, results), which run() calls (self.name ->
current_process().name); the pill None -> STOP; `answer = next_task()` -> the item itself (the
items are not callables); the caller's "Enqueue jobs" loop -> produce(tasks, items) run in one
Process per batch, joined before the pills are put (the author's pills come after every item in
the same process); run_pipeline(batches, n_consumers) is the main block with n_consumers
consumers, returning the results it read. Nothing else changed: tasks.join() before reading the
results, and no join of the consumers.
Expected: produce and consume pass (consume calls task_done(), which the JoinableQueue allows);
run_pipeline returns every item, but never waits for its consumers (the statement: "waits for
the consumers"): not_joined, under fork, spawn and forkserver. Run plainly it returns the 7
items under all three methods (the consumers end on their own a moment later)."""
import multiprocessing
import time

STOP = "STOP"


def produce(tasks, items):
    for item in items:
        tasks.put(item)


def consume(tasks, results):
    proc_name = multiprocessing.current_process().name
    while True:
        next_task = tasks.get()
        if next_task == STOP:
            # Poison pill means shutdown
            print("{}: Exiting".format(proc_name))
            tasks.task_done()
            break
        time.sleep(0.1)
        print("{}: {}".format(proc_name, next_task))
        answer = next_task
        tasks.task_done()
        results.put(answer)


class Consumer(multiprocessing.Process):

    def __init__(self, task_queue, result_queue):
        multiprocessing.Process.__init__(self)
        self.task_queue = task_queue
        self.result_queue = result_queue

    def run(self):
        consume(self.task_queue, self.result_queue)


def run_pipeline(batches, n_consumers):
    # Establish communication queues
    tasks = multiprocessing.JoinableQueue()
    results = multiprocessing.Queue()

    # Start consumers
    num_consumers = n_consumers
    print("Creating {} consumers".format(num_consumers))
    consumers = [Consumer(tasks, results) for i in range(num_consumers)]
    for w in consumers:
        w.start()

    # Enqueue jobs
    producers = [multiprocessing.Process(target=produce, args=(tasks, batch)) for batch in batches]
    for p in producers:
        p.start()
    for p in producers:
        p.join()
    num_jobs = sum(len(batch) for batch in batches)

    # Add a poison pill for each consumer
    for i in range(num_consumers):
        tasks.put(STOP)

    # Wait for all of the tasks to finish
    tasks.join()

    # Start printing results
    received = []
    while num_jobs:
        result = results.get()
        print("Result:", result)
        received.append(result)
        num_jobs -= 1
    return received
