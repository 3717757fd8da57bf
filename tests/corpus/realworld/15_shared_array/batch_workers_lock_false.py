"""Source: a public GitHub file (code index: run_task(wid, array, start, stop) writing
`array[i] = wid; array[i] += 1` for i in range(start, stop); `ARR = Array(ctypes.c_int, ARR_SIZE,
lock=False)`; `batch_size = ARR_SIZE // NUM_WORKERS`; each worker started in the loop, all joined
after).
Adapted: run_task -> fill_squares(arr, start, stop) writing i * i; the main ->
parallel_squares(n, n_processes), ARR_SIZE -> n, NUM_WORKERS -> n_processes, the author's
lock=False Array and batch arithmetic kept; returns list(arr).
Expected: a bug twice over: with n = 12 and 3 workers the batches cover everything, but with an
uneven n the last n % n_processes elements are never written; and the statement asks for
Array("i", n) through which writes are seen -- an Array made with lock=False is one the grader
says it cannot see. squares_from_children fails (no write seen from the children, per the
statement's own words), squares_uneven fails; fill_squares passes (given the grader's Array);
fork and spawn.
Verdict expected (decided before grading): failed (Array made with lock=False, and batches of n // n_processes leave the tail unwritten for uneven n).
Before the fix (a held-out program of issue 26), the grader said: fork: squares_from_children and squares_uneven failed, "fill_squares ran in the children, but none of them wrote into a multiprocessing.Array. A plain list handed to a child is copied into it, and what the child writes stays in its copy..."
The diagnosis then: verdict right, message untrue: the children did write into a shared multiprocessing Array (lock=False gives a raw ctypes array; its writes reach the parent); the message explains a plain-list copy the program never made, and for squares_uneven it never mentions the unwritten tail (the first failing evidence hides the second). Say 'an Array made with lock=False, whose writes the grader cannot see' and report the missing elements."""
from multiprocessing import Process, Array
import ctypes


def fill_squares(array, start, stop):
    for i in range(start, stop):
        array[i] = i * i


def parallel_squares(n, n_processes):
    ARR = Array(ctypes.c_int, n, lock=False)

    workers = list()

    batch_size = n // n_processes

    for i in range(n_processes):
        start = i * batch_size
        stop = start + batch_size
        worker = Process(target=fill_squares, args=(ARR, start, stop))
        worker.start()
        workers.append(worker)

    for i in range(n_processes):
        workers[i].join()

    return list(ARR)
