"""Source: miku/pyflow, Snippets/Multiprocessing/startmethod.py (the docs' set_start_method example).
Intent: pick the spawn start method, then pass a message through a Queue.
Adapted: foo -> produce(q, items) with STOP; the `__main__` block, set_start_method included,
-> collect(items), which keeps the author's mp.set_start_method('spawn') call as its first line.
Expected: crashed in collect_tutorial, which calls collect twice in one interpreter: the second
call raises RuntimeError: context has already been set (and so would the first, if the caller
had set the start method itself); passed for the scenarios that call it once."""
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
