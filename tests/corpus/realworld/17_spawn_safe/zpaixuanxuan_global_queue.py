"""Source: zpaixuanxuan/ftp-zp, queue0.py: a module-level `q = Queue()`; fun(name) sleeps 1 s and
does q.put("hello" + str(name)) on that global queue; the module's top level (no guard) starts
ten Process(target=fun, args=(i,)), joins them all, then `while not q.empty(): print(q.get())`.
Adapted: fun(name) -> scale(index, number, factor, results), which still puts on the module's
global `q` (number * factor, the 1 s sleep cut to 0.1 s) and ignores `results`; the top-level
code -> scale_all(numbers, factor) returning the list drained with `while not q.empty()`;
main(argv) added under an `if __name__ == "__main__":` guard.
Expected (teacher, read and run plainly): wrong under spawn and forkserver: each child imports
the module afresh and puts on its own new `q`, so the parent's queue stays empty and scale_all
returns [] (run plainly under spawn: [] and the script prints []). (Under fork it would work by
luck of arrival order.) The values are also kept in the order they arrive, not by index.
Held out, graded once: agreed under fork and spawn.
"""
from multiprocessing import Process, Queue
import sys
import time
q = Queue()

def scale(index, number, factor, results):
    time.sleep(0.1)
    q.put(number * factor)

def scale_all(numbers, factor):
    jobs = []
    for i, n in enumerate(numbers):
        p = Process(target=scale, args=(i, n, factor, None))
        jobs.append(p)
        p.start()

    for i in jobs:
        i.join()

    out = []
    while not q.empty():
        out.append(q.get())
    return out

def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    print(scale_all([int(a) for a in argv[1:]], int(argv[0])))

if __name__ == "__main__":
    main()
