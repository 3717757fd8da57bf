"""Correct: the parent and the workers print what they do; the processes are kept in a dict."""
import os
from multiprocessing import Event, Process, Queue


def worker(start, i, results):
    print("worker", i, "pid", os.getpid(), "ready", flush=True)
    start.wait()
    print("worker", i, "go", flush=True)
    results.put(i)


def start_together(n):
    start = Event()
    results = Queue()
    workers = {}
    for i in range(n):
        workers[i] = Process(target=worker, args=(start, i, results))
        workers[i].start()
    print("all", n, "started, go!")
    start.set()
    got = []
    while len(got) < n:
        got.append(results.get())
    for p in workers.values():
        p.join()
    return got
