"""Source: miku/pyflow, Snippets/Multiprocessing/startmethod.py (the docs' set_start_method example).
Intent: pick the spawn start method, then pass a message through a Queue.
Adapted: foo -> produce(q, items) with STOP; the `__main__` block, set_start_method included,
-> collect(items), which keeps the author's mp.set_start_method('spawn') call as its first line.
Expected: passed for every scenario: each scenario calls collect once in a fresh interpreter,
where the call succeeds. Run plainly, a second collect() in the same interpreter raises
RuntimeError: context has already been set (and so does the first, if the caller set the
start method itself)."""
import multiprocessing as mp

STOP = "STOP"

def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)

def collect(items):
    mp.set_start_method('spawn') # spawn (win, unix), fork (unix), forkserver (unix)  
    q = mp.Queue()
    p = mp.Process(target=produce, args=(q, items))
    p.start()
    result = []
    while True:
        item = q.get()
        if item == STOP:
            break
        result.append(item)
    p.join()
    return result
