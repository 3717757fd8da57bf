"""Source: the producer/consumer model of Lin Haifeng's (egon's) Python concurrency course notes
(cnblogs), copied into many course repositories (this copy: public GitHub file, code index id
33538651148): three producer processes ('包子', '骨头', '泔水') each put ten items on one Queue,
two consumer processes get until None, printing what they "eat"; the main block starts them
all, joins the three producers, puts one None per consumer, and prints '主进程'. The consumers
are never joined, and what they take is only printed.
Adapted: producer(name, q) -> produce(tasks, items), putting each item of its batch (the name
and range(10) replaced by the batch); consumer(q) -> consume(tasks, results), also putting each
item on results (the author only prints it); None -> STOP; the random 1-3 s sleeps dropped
(each would cost seconds per item); the main block -> run_pipeline(batches, n_consumers): one
producer per batch, n_consumers consumers, the producers joined, one STOP per consumer, then
(added: the statement returns the items) every item read from results and returned. The
consumers are still never joined.
Expected: produce and consume pass; run_pipeline returns every item but never waits for its
consumers: not_joined (pipeline, pipeline_falsy) under fork, spawn and forkserver. Run plainly
under all three it returns the 7 items (and the 6 falsy ones) at once."""
from multiprocessing import Process, Queue
import os

STOP = "STOP"


def consume(tasks, results):
    while True:
        res = tasks.get()
        if res == STOP: break
        print('##%s 吃了包子%s' % (os.getpid(), res))
        results.put(res)


def produce(tasks, items):
    for res in items:
        tasks.put(res)
        print('%s 生产了 %s' % (os.getpid(), res))


def run_pipeline(batches, n_consumers):
    q = Queue()
    results = Queue()

    producers = [Process(target=produce, args=(q, batch,)) for batch in batches]
    consumers = [Process(target=consume, args=(q, results,)) for _ in range(n_consumers)]

    for p in producers:
        p.start()
    for c in consumers:
        c.start()

    for p in producers:
        p.join()
    for _ in consumers:
        q.put(STOP)

    print('主进程')
    return [results.get() for _ in range(sum(len(batch) for batch in batches))]
