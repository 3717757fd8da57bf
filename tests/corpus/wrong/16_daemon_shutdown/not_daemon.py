"""Wrong: the worker is not a daemon; everything else is right."""
from multiprocessing import Process, Queue


def serve(jobs, results):
    while True:
        n = jobs.get()
        results.put(n * n)


def run_jobs(numbers):
    jobs, results = Queue(), Queue()
    worker = Process(target=serve, args=(jobs, results))
    worker.start()
    for n in numbers:
        jobs.put(n)
    squares = [results.get() for _ in numbers]
    worker.terminate()
    worker.join()
    return squares, worker.exitcode
