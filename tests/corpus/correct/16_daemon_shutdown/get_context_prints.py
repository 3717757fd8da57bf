"""Correct: a spawn context, `daemon = True` set on the Process before start(), a worker that
waits with a timeout and prints a heartbeat line while it has nothing to do, debug prints in
the caller; the result returned as a list."""
import multiprocessing as mp
import os
import queue


def serve(jobs, results):
    while True:
        try:
            n = jobs.get(timeout=0.05)
        except queue.Empty:
            print("worker", os.getpid(), "still alive")
            continue
        print("worker", os.getpid(), "squares", n)
        results.put(n * n)


def run_jobs(numbers):
    ctx = mp.get_context("spawn")
    jobs, results = ctx.Queue(), ctx.Queue()
    p = ctx.Process(target=serve, args=(jobs, results))
    p.daemon = True
    p.start()
    print("parent started worker", p.pid)
    for n in numbers:
        jobs.put(n)
    out = [results.get() for _ in range(len(numbers))]
    print("parent got", out, "- stopping the worker")
    p.terminate()
    p.join()
    print("worker ended with", p.exitcode)
    return [out, p.exitcode]
