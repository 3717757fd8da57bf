"""Source: UesugiErii/lake, lake/Python3/multiprocessing/Event.py (a notes repository's Event
example: `wait_for_event(e)` does `e.wait()`, prints, prints `e.is_set()`, then `e.clear()`
("set e as false"); at the top level of the module, one Process is started, then `e.set()`).
Adapted: wait_for_event(e) -> worker(start, i, results), with `results.put(i)` added after the
author's clear(); the module-level code -> start_together(n): n processes instead of one, the
statement's Queue, the numbers got from it and the processes joined (the author joins none), and
the author's `time.sleep(1)` and final print dropped.
Expected: a bug: the first worker through clears the event for everyone. A worker that reaches
wait() after that clear() waits for a set() that never comes again, so start_together(n) hangs
whenever one worker is slower to reach wait() than another is to get through it: run plainly
(start_together(4) twice, then start_together(1)), it hung in 4 of 4 runs under spawn and under
forkserver and 3 of 4 under fork: start_together fails (deadlock) everywhere.
worker_waits passes (wait, then put); start_together_one passes (one worker, nobody after it).
"""
import multiprocessing as mp


def worker(start, i, results):
    event_is_set = start.wait()
    print("function wait_for_event finish")
    print(start.is_set())
    # set e as false
    start.clear()
    results.put(i)


def start_together(n):
    start = mp.Event()
    results = mp.Queue()
    processes = [mp.Process(target=worker, args=(start, i, results)) for i in range(n)]
    for p in processes:
        p.start()
    # set e as true
    start.set()
    numbers = [results.get() for _ in range(n)]
    for p in processes:
        p.join()
    return numbers
