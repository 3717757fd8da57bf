"""Source: qishuhua/pythonworkspace, 队列哨兵优化.py ("queue sentinel, improved"): two consumer
processes on one multiprocessing.Queue, each looping `item = input_q.get()` and breaking on None;
the main process itself calls producer(sequence, q) (no producer process), then puts one None per
consumer ("as many None as child processes") and joins both consumers.
Adapted: producer -> produce(tasks, items) (its prints kept); consumer -> consume(tasks, results)
breaking on STOP instead of None and putting each item on results instead of printing it; the
main block -> run_pipeline(batches, n_consumers): n_consumers consumers instead of two, the
caller calls produce(tasks, batch) for each batch itself as the author does, one STOP per
consumer, then it gets every result and joins.
Expected: the producers check fails (no process runs produce(); the caller puts the items
itself); produce/consume on their own and the items returned are right.
Held out, graded once: agreed under fork and spawn."""
import time
import multiprocessing

STOP = "STOP"


def consume(tasks, results):
    print("info consumer", time.ctime())
    while True:
        item = tasks.get()
        if item == STOP:
            break
        results.put(item)
    print('out of consumer', time.ctime())


def produce(tasks, items):
    print("info producer", time.ctime())
    for item in items:
        tasks.put(item)
        print('Put', item, 'into_q')
    print('out of producer', time.ctime())


def run_pipeline(batches, n_consumers):
    q = multiprocessing.Queue()
    results = multiprocessing.Queue()
    procs = []
    for _ in range(n_consumers):
        proc = multiprocessing.Process(target=consume, args=(q, results))
        proc.start()
        procs.append(proc)

    for sequence in batches:
        produce(q, sequence)
    # as many STOPs as consumer processes
    for _ in range(n_consumers):
        q.put(STOP)
    out = [results.get() for _ in range(sum(len(b) for b in batches))]
    for proc in procs:
        proc.join()
    return out
