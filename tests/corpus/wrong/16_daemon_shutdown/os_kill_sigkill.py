"""Wrong: the worker is stopped with os.kill(pid, SIGKILL), the same signal as kill(), instead
of terminate()."""
import os
import signal
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
    os.kill(worker.pid, signal.SIGKILL)
    worker.join()
    return squares, worker.exitcode
