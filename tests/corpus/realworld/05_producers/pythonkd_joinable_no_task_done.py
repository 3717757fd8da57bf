"""Source: pythonkd/python, 多线程_多进程/24.py (a Chinese course's JoinableQueue example).
Intent: two consumer processes on a JoinableQueue, each breaking on None and calling task_done()
for every item; the caller produces the items itself, puts one None per consumer, then q.join().
Adapted: consumer -> consume(tasks, results) (None -> STOP, print -> results.put), producer ->
produce(tasks, items); the author's main -> run_pipeline(batches, n_consumers): the caller calls
produce itself for each batch (as the author does), one STOP per consumer, reads the results,
then tasks.join() and joins the consumers (the author's daemon flag on one consumer dropped).
Expected: the STOPs are never task_done()'d, so tasks.join() waits for ever: run_pipeline
deadlocks (and no producer process is started either); produce and consume pass. Fork and spawn
alike.
Verdict expected (decided before grading): pipeline and pipeline_falsy deadlock (the STOPs are never task_done()'d, so tasks.join() waits for ever), and no producer process is started.
Before the fix (a held-out program of issue 26), the grader said: fork and spawn: pipeline and pipeline_falsy deadlock; "calling process (pid 2) [waiting]: producers_consumers.py:43 in run_pipeline: q.join()  (waiting to receive from a queue or pipe)".
The diagnosis then: verdict right, one clause untrue: JoinableQueue.join() waits on a Condition for the unfinished-task count, not to receive from a queue or pipe; the annotation is chosen from the queue type, not from what join() waits on. The missing producer processes go unreported (the deadlock is reported first, which is fine)."""
import multiprocessing

STOP = "STOP"


def consume(tasks, results):
    while True:
        item = tasks.get()
        if item == STOP:
            break
        results.put(item)
        tasks.task_done()


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
    q.join()
    for c in consumers:
        c.join()
    return out
