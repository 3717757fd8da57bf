"""Source: lotapp/BaseCode, python/5.concurrent/PythonProcess/6.context2.py (the docs'
get_context example).
Intent: use a spawn context's Queue and Process whatever the default start method.
Adapted: foo(q) -> produce(q, items) putting the items then STOP; the `__main__` block ->
collect(items), reading with iter(q.get, STOP) instead of one print(q.get()).
Expected: passed everywhere (run plainly under all three defaults, large items included)."""
import multiprocessing as mp

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    ctx = mp.get_context('spawn')
    q = ctx.Queue()
    p = ctx.Process(target=produce, args=(q, items))
    p.start()
    result = []
    for item in iter(q.get, STOP):
        result.append(item)
    p.join()
    return result
