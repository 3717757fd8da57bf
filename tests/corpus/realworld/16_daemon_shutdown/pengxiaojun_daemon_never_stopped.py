"""Source: pengxiaojun/python_utils, ipc_queue.py: consumer(input_q) loops `while True: item =
input_q.get(); if not item: break; print(item); input_q.task_done()`; the main block makes a
JoinableQueue, starts two consumers with `cons_p.daemon = True`, runs producer(sequence, q)
and `q.join()`, and ends: the daemons are never stopped nor joined (the daemon flag ends them
when the program exits).
Adapted: consumer(input_q) -> serve(jobs, results), which also puts item * item on results
(task_done() dropped with the JoinableQueue: a plain Queue is passed); one consumer instead of
two; the main block -> run_jobs(numbers): producer puts every number, then one answer per
number is taken from results; nothing else is done to the worker, as in the source; returns
(answers, cons_p.exitcode).
Expected (teacher, read and run plainly): wrong: the worker is neither terminated nor joined,
so run_jobs returns while it still runs and its exit code is None, not -15 (run plainly:
([4, 25, 49], None)). serve itself answers 3 and 4 with 9 and 16.
Held out, graded once: agreed under fork and spawn.
"""
import multiprocessing


def serve(input_q, results):
    while True:
        item = input_q.get()
        if not item:
            break
        print(item)
        results.put(item * item)


def producer(sequence, output_q):
    for item in sequence:
        output_q.put(item)


def run_jobs(numbers):
    q = multiprocessing.Queue()
    results = multiprocessing.Queue()
    cons_p = multiprocessing.Process(target=serve, args=(q, results))
    cons_p.daemon = True
    cons_p.start()

    producer(numbers, q)
    answers = [results.get() for _ in numbers]
    return answers, cons_p.exitcode
