"""Source: probcomp/Venture (MIT Probabilistic Computing Project), parallel_map(f, l) (public
GitHub file, code index id 49497172857), Python 2: each worker's process_input takes an index i,
`try: fx = f(x); outq.put((i, True, fx))` `except Exception as e: outq.put((i, False,
traceback.format_exc()))`; the parent's process_output(fl, ctr, (i, ok, fx)) raises
`RuntimeError('Subprocess failed: %s' % (fx,))` when ok is false, else stores fl[i] = fx; the
parent puts None per worker and joins them.
Adapted: the try/except body -> run_task(results, index, func, arg); parallel_map ->
run_all(func, args) with one process per argument running run_task (instead of ncpu workers over
an input queue); process_output kept (its tuple parameter unpacked in the body for Python 3);
xrange -> range. exit_codes is not in the source (not defined here).
Expected: an error outcome is the whole traceback text, not "ValueError: negative: -2", and
run_all raises RuntimeError at the first failed task instead of returning its error string; with
every task succeeding, run_task and run_all pass.
Held out, graded once: agreed under fork and spawn."""
import traceback

from multiprocessing import Process
from multiprocessing import Queue


def run_task(results, index, func, arg):
    try:
        fx = func(arg)
        results.put((index, True, fx))
    except Exception as e:
        results.put((index, False, traceback.format_exc()))


def process_output(fl, ctr, item):
    (i, ok, fx) = item
    if not ok:
        raise RuntimeError('Subprocess failed: %s' % (fx,))
    fl[i] = fx
    ctr[0] -= 1


def run_all(func, args):
    outq = Queue()
    processes = [Process(target=run_task, args=(outq, i, func, x))
                 for i, x in enumerate(args)]
    try:
        for p in processes:
            p.start()
        n = len(args)
        fl = [None] * n
        ctr = [n]
        while 0 < ctr[0]:
            process_output(fl, ctr, outq.get())
        for p in processes:
            p.join()
    except:                     # paranoia
        # Terminate all subprocesses immediately and reraise.
        for p in processes:
            p.terminate()
        raise
    return fl
