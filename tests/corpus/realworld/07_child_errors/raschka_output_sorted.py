"""Source: Sebastian Raschka, "An introduction to parallel programming using Python's
multiprocessing module" (2014), the post's fixed version: each process puts (pos, result), and
the parent sorts: `results.sort()` then `results = [r[1] for r in results]`.
Adapted: rand_string(length, pos, output) -> run_task(results, index, func, arg), catching the
exception as the statement asks and putting (index, ok, payload); the post's main ->
run_all(func, args); exit_codes in the same shape, a process per arg running func itself.
Expected: passed under fork and spawn (sorting the (index, ...) tuples puts every payload back at
its index)."""
import multiprocessing as mp


def run_task(results, index, func, arg):
    try:
        value = func(arg)
    except Exception as exc:
        results.put((index, False, "%s: %s" % (type(exc).__name__, exc)))
    else:
        results.put((index, True, value))


def run_all(func, args):
    output = mp.Queue()
    processes = [mp.Process(target=run_task, args=(output, x, func, arg))
                 for x, arg in enumerate(args)]
    for p in processes:
        p.start()
    results = [output.get() for p in processes]
    for p in processes:
        p.join()
    results.sort()
    results = [r[2] for r in results]
    return results


def exit_codes(func, args):
    processes = [mp.Process(target=func, args=(arg,)) for arg in args]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return [p.exitcode for p in processes]
