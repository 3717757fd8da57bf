"""Wrong: terminate() without join(); the exit code is read while the worker may still be
ending."""
from multiprocessing import Process, Queue


def serve(jobs, results):
    while True:
        n = jobs.get()
        results.put(n * n)


def run_jobs(numbers):
    jobs, results = Queue(), Queue()
    worker = Process(target=serve, args=(jobs, results), daemon=True)
    worker.start()
    for n in numbers:
        jobs.put(n)
    squares = [results.get() for _ in numbers]
    worker.terminate()
    return squares, worker.exitcode
