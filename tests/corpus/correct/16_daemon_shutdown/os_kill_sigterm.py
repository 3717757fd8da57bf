"""Correct: the worker is stopped with os.kill(pid, SIGTERM), the very signal terminate() sends,
then joined."""
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
    os.kill(worker.pid, signal.SIGTERM)
    worker.join()
    return squares, worker.exitcode
