"""Source: Sebastian Raschka, "An introduction to parallel programming using Python's
multiprocessing module" (2014), first Process/Queue example: one process per task puts its result
on `output`, then `results = [output.get() for p in processes]`, which the post then shows comes
back in the order the processes finish.
Adapted: rand_string(length, output) -> run_task(results, index, func, arg), catching the
exception as the statement asks and putting (index, ok, payload); the post's main ->
run_all(func, args), which keeps the post's first version: the payloads in the order they are
got, the index ignored; exit_codes in the same shape, a process per arg running func itself.
Expected: run_task passes; exit_codes passes; run_all returns the right values in the order the
children finish: a bug (the index is ignored), which must fail whenever the children do not end
in order; fork and spawn.
Verdict expected (decided before grading): run_all_mixed failed under every method (payloads returned in the order the children finish; the index is ignored).
Before the fix (a held-out program of issue 26), the grader said: fork: all 5 scenarios passed; spawn: run_all_mixed failed, message "returned [9, 16, 'ValueError: negative: -2', ...], expected [...]" (no word of order or index).
The diagnosis then: run_all does not force an adversarial finishing order (exercise 10 does): under fork the children end in start order and the bug passes by luck. Hold item 0 until the others have put their outcome, and say "the right values in the wrong order: use the index"."""
import multiprocessing as mp


def run_task(results, index, func, arg):
    try:
        value = func(arg)
    except Exception as exc:
        results.put((index, False, "%s: %s" % (type(exc).__name__, exc)))
    else:
        results.put((index, True, value))


def run_all(func, args):
    # Define an output queue
    output = mp.Queue()

    # Setup a list of processes that we want to run
    processes = [mp.Process(target=run_task, args=(output, x, func, arg))
                 for x, arg in enumerate(args)]

    # Run processes
    for p in processes:
        p.start()

    # Get process results from the output queue
    results = [output.get() for p in processes]

    # Exit the completed processes
    for p in processes:
        p.join()

    return [payload for _, _, payload in results]


def exit_codes(func, args):
    processes = [mp.Process(target=func, args=(arg,)) for arg in args]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return [p.exitcode for p in processes]
