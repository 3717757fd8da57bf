"""Source: ankuzina/adv_py20, les10z5.py (its '#ispravlenie' (fix) part:
`multiprocessing.Process(target=worker())` with the author's comment that worker() is a function).
Intent: the author 'fixed' an empty shared list by calling the worker while building the Process.
Adapted: worker() -> produce(q, items); one process instead of five; collect reads until STOP.
Expected: produce_in_child passed; every collect scenario no_process: produce runs in the
caller, the Process gets target=None and does nothing, so the items never crossed from a child
(run plainly the returned lists are right, under all three methods)."""
import multiprocessing

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    q = multiprocessing.Queue()
    processes = [
        multiprocessing.Process(target=produce(q, items)) #worker() eto zhe funciya... skobochki!!
        for _ in range(1)
    ]
    for p in processes:
        p.start()
    result = []
    while True:
        item = q.get()
        if item == STOP:
            break
        result.append(item)
    for p in processes:
        p.join()
    return result
