"""Source: the widely copied producer/consumer tutorial (producer(queue, lock, names), daemon
consumers, "Master Shake, Meatwad, Frylock"), here as copied in a public GitHub file (code index
id 11576516884, "This is a sample Python script").
Intent: one producer process per list of names, six daemon consumers that loop for ever on
queue.get() ("This is critical! The consumer function has an infinite loop"), join the producers,
then wait while the queue is not empty.
Adapted: producer -> produce(tasks, items) and consumer -> consume(tasks, results) (the lock and
the console prints dropped, the random sleeps dropped, the consumer puts what it got on results
instead of printing it); the author's main -> run_pipeline(batches, n_consumers), which gets one
result per item instead of polling queue.empty() and returns them. No STOP is ever sent, the
consumers are never joined: the daemon flag kills them at exit.
Expected: produce passes; consume never returns at STOP (it forwards STOP to results and takes
what is behind it), so consume fails; run_pipeline puts no STOP and never joins its consumers:
fails (not joined), fork and spawn alike."""
import time
import os
import random
from multiprocessing import Process, Queue, Lock

STOP = "STOP"


# Producer function that places data on the Queue
def produce(tasks, items):
    # Place our names on the Queue
    for name in items:
        tasks.put(name)


# The consumer function takes data off of the Queue
def consume(tasks, results):
    # Run indefinitely
    while True:
        # If the queue is empty, queue.get() will block until the queue has data
        name = tasks.get()
        results.put(name)


def run_pipeline(batches, n_consumers):
    # Create the Queue object
    queue = Queue()
    results = Queue()

    producers = []
    consumers = []

    for n in batches:
        # Create our producer processes by passing the producer function and it's arguments
        producers.append(Process(target=produce, args=(queue, n)))

    # Create consumer processes
    for i in range(n_consumers):
        p = Process(target=consume, args=(queue, results))

        # This is critical! The consumer function has an infinite loop
        # Which means it will never exit unless we set daemon to true
        p.daemon = True
        consumers.append(p)

    # Start the producers and consumer
    for p in producers:
        p.start()

    for c in consumers:
        c.start()

    # Like threading, we have a join() method that synchronizes our program
    for p in producers:
        p.join()

    return [results.get() for _ in range(sum(len(b) for b in batches))]
