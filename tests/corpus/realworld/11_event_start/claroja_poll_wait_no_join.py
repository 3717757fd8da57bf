"""Source: claroja/claroja.github.io, docs/4编程语言/3python/9进程/event.md (a notes site's
Event example: `worker(name, event)` loops `while not event.is_set(): print('Process_%s is
ready' % name); event.wait(1)`, then prints that it runs; the main starts two
`Process(target=worker, args=(i, event)).start()` without keeping them, sleeps 3 s and sets the
event; nothing is joined).
Adapted: worker(name, event) -> worker(start, i, results), with `results.put(i)` after the
author's last print; the main -> start_together(n): n processes instead of 2, the statement's
Queue, and the n numbers got from it after the set() and returned.
Expected: worker is correct: it waits (one second at a time, looping until the event is set) and
puts only after the set, so worker_waits passes (a wait with a time limit that runs out is not a
bug here: the loop waits again). start_together never joins its processes (they are not even
kept): not_joined under fork, spawn and forkserver.
"""
from multiprocessing import Process, Event, Queue
import time


def worker(start, i, results):
    while not start.is_set():
        print('Process_%s is ready' % i)
        start.wait(1)
    print('Process_%s is running' % i)
    results.put(i)


def start_together(n):
    event = Event()
    results = Queue()
    for i in range(0, n):
        Process(target=worker, args=(event, i, results)).start()
    time.sleep(3)
    event.set()
    return [results.get() for _ in range(n)]
