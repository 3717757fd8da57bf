"""Source: pythonkd/python, 多线程_多进程/16.py (a course's JoinableQueue example, before the
sentinel check of 24.py was added): consumer(input_q) loops `while True: item = input_q.get();
print("pull", item, "out of q"); input_q.task_done()` with no test for None; producer(sequence,
output_q) puts each item; the main block starts two consumers, calls producer itself, puts None
twice (with the comment that a consumer stops after taking it) and joins both consumers.
Adapted: consumer -> consume(tasks, results) (still no test for the sentinel; it puts every item
it takes on results, and task_done kept); producer -> produce(tasks, items), run in one process per
batch; the main block -> run_pipeline(batches, n_consumers), which joins the producers, puts one
STOP per consumer, gets every item and joins the consumers, as the statement asks. None -> STOP.
Expected: consume fails (it never returns at STOP and passes it on as an item); run_pipeline hangs
joining consumers that wait for ever in get() (and may return STOP among the items).
Held out, graded once: agreed under fork and spawn."""
import multiprocessing
from time import ctime

STOP = "STOP"


def consume(tasks, results):
    print("Into consumer:", ctime())
    while True:
        item = tasks.get()
        print("pull", item, "out of q")
        results.put(item)
        tasks.task_done()


def produce(tasks, items):
    print("Into producer:", ctime())
    for item in items:
        tasks.put(item)
        print("put", item, "into q")
    print("out of producer:", ctime())


def run_pipeline(batches, n_consumers):
    q = multiprocessing.JoinableQueue()
    results = multiprocessing.Queue()
    cons = [multiprocessing.Process(target=consume, args=(q, results)) for _ in range(n_consumers)]
    for c in cons:
        c.start()
    prods = [multiprocessing.Process(target=produce, args=(q, b)) for b in batches]
    for p in prods:
        p.start()
    for p in prods:
        p.join()

    for _ in range(n_consumers):
        q.put(STOP)  # a consumer stops after taking it, it will not take a second one
    out = [results.get() for _ in range(sum(len(b) for b in batches))]
    for c in cons:
        c.join()
    return out
