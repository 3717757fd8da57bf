"""Wrong: run_jobs calls set_start_method() itself. It works the first time; the second call in
the same program raises RuntimeError: context has already been set."""
import multiprocessing
from multiprocessing import Process, Queue


def serve(jobs, results):
    while True:
        n = jobs.get()
        results.put(n * n)


def run_jobs(numbers):
    multiprocessing.set_start_method("spawn")
    jobs, results = Queue(), Queue()
    worker = Process(target=serve, args=(jobs, results), daemon=True)
    worker.start()
    for n in numbers:
        jobs.put(n)
    squares = [results.get() for _ in numbers]
    worker.terminate()
    worker.join()
    return squares, worker.exitcode
