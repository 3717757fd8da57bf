"""Source: pythonkd/python, 多线程_多进程/16.py: consumer(input_q) loops `while True: item =
input_q.get(); print(...); input_q.task_done()` with no way out; the main starts two consumers,
produces, puts None twice ("取出之后就会停止该子进程" -- the author expects None to stop them), then
joins both consumers.
Adapted: consumer -> serve(jobs, results) (print -> results.put(n * n)), one worker started as a
daemon (the author's other file 24.py sets cons_p.daemon = True); the main -> run_jobs(numbers):
puts the numbers, gets one answer each, puts None as the author does, joins the worker and
returns (answers, exitcode).
Expected: a bug: the worker has no way out; the None makes it raise TypeError (None * None), so it
ends with exit code 1, and it is never terminated: run_jobs
fails (never stopped with terminate(); the worker ends by its own TypeError, exit code 1, not -15), fork and spawn; serve passes."""
import multiprocessing


def serve(jobs, results):
    while True:
        n = jobs.get()
        results.put(n * n)


def run_jobs(numbers):
    jobs = multiprocessing.Queue()
    results = multiprocessing.Queue()
    cons_p = multiprocessing.Process(target=serve, args=(jobs, results))
    cons_p.daemon = True
    cons_p.start()

    for n in numbers:
        jobs.put(n)
    answers = [results.get() for _ in numbers]

    jobs.put(None)
    cons_p.join()
    return answers, cons_p.exitcode
