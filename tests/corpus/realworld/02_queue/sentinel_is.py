"""Source: since86/py_package, multi-thread/p04.py.
Intent: producer/consumer over a JoinableQueue, the consumer stops at the sentinel with
`if item is None: break`, and task_done()s each item.
Adapted: the exercise's roles (the child produces, the caller consumes); the sentinel None ->
STOP, keeping the author's `is` comparison; the consumer loop collects into a list.
Expected: produce_in_child passed; collect_* deadlock under fork, spawn and forkserver: the
'STOP' that comes out of the queue was unpickled in the caller, a new str object, so
`item is STOP` is never true; the caller appends it and blocks in q.get() forever after the
producer has exited (run plainly: hangs under all three methods; interning of the literal
does not survive pickling)."""
import multiprocessing
from time import ctime

STOP = "STOP"

def produce(output_q, sequeue):
    print('Into producer:', ctime())
    for item in sequeue:
        output_q.put(item)
    output_q.put(STOP)
    print('Out of producer:', ctime())

def collect(sequeue):
    q = multiprocessing.JoinableQueue()

    cons_p = multiprocessing.Process(target=produce, args=(q, sequeue))
    #cons_p.daemon = True
    cons_p.start()

    print('Into consumer:',ctime())
    result = []
    while True:
        item = q.get()
        if item is STOP:
            break
        result.append(item)
        q.task_done()

    print('Out of consumer:', ctime())
    cons_p.join()
    return result
