"""Source: RyanPeking/PythonPractice, 高级语法/多线程/23.py (a Chinese course's daemon consumer;
the repository's 24.py is a different program, used for exercise 05).
Intent: consumer(input_q) loops `while True: item = input_q.get()`, breaks on None, else prints
"pull item out of q"; the main block starts it with `cons_q.daemon = True`, runs
producer(sequence, q) in the caller, then `q.put(None)` and `cons_q.join()`.
Adapted: consumer -> serve(jobs, results), which puts item * item on results where the author
printed (the None check kept); producer + main block -> run_jobs(numbers): start the daemon,
put the numbers, get one answer each, put None, join, return (answers, cons_q.exitcode).
Expected: a bug against the statement, which asks for a worker stopped with terminate(): this
worker ends by itself on the None and exits with code 0, so run_jobs returns (answers, 0), not
-15, and terminate() is never called. Run plainly under fork, spawn and forkserver:
run_jobs([2, 5, 7]) returned ([4, 25, 49], 0), run_jobs([]) ([], 0), no child left.
serve_squares passed (the grader stops its worker itself); run_jobs_stops and run_jobs_none
failed, the message saying terminate() was not called.
Before the fix (a held-out program of issue 26), the verdict was right (fork, spawn and
forkserver) but the message was not true of this code: "run_jobs([2, 5, 7]) did not call
terminate() on the worker. serve never ends by itself: stop it with worker.terminate(), then
worker.join()." This serve does end by itself, on the None. The message now says that the
worker ended by itself (exit code 0) and what the exercise asks instead."""
import multiprocessing


def serve(jobs, results):
    while True:
        # 处理锁
        item = jobs.get()
        if item is None:
            break
        results.put(item * item)


def run_jobs(numbers):
    q = multiprocessing.Queue()
    results = multiprocessing.Queue()
    cons_q = multiprocessing.Process(target=serve, args=(q, results))
    cons_q.daemon = True
    cons_q.start()

    for item in numbers:
        q.put(item)
    answers = [results.get() for _ in numbers]

    q.put(None)
    cons_q.join()
    return answers, cons_q.exitcode
