"""Source: slindskog/learn-concurrency, multiprocessing_module/faulty_queue_sharing.py.
Intent: drain a queue with `while not q.empty(): q.get()` after the producer is done
(the author's own 'faulty' example).
Adapted: the child produces the items and STOP; collect starts it, joins it (as the author's
main did) and then reads while not q.empty(), keeping the author's count and final print.
Expected: tutorial, mixed and empty failed (the result ends with 'STOP', nothing stops at the
sentinel); large deadlock (the producer cannot exit before its 9 MB are read, the caller
waits in join). Run plainly: the same under fork, spawn and forkserver."""
import multiprocessing
from multiprocessing import Process, Queue, current_process

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    # multiprocessing.set_start_method("forkserver")
    q = Queue()

    p1 = Process(target=produce, args=(q, items))

    p1.start()

    p1.join()

    result = []
    count = 0
    while not q.empty():
        result.append(q.get())
        count += 1

    print(f"Child process {current_process().name} processed {count} items from the queue", flush=True)
    return result
