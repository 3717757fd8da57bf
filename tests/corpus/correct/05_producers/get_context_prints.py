"""Correct: a spawn context from get_context, keyword arguments, debug prints everywhere
(the producers and consumers say what they do, the caller reports progress)."""
import multiprocessing as mp
import os

STOP = "STOP"


def produce(tasks, items):
    print("producer", os.getpid(), "has", len(items), "items", flush=True)
    for item in items:
        tasks.put(item)
    print("producer", os.getpid(), "done", flush=True)


def consume(tasks, results):
    handled = 0
    while True:
        item = tasks.get()
        if item == STOP:
            print("consumer", os.getpid(), "handled", handled, flush=True)
            return
        results.put(item)
        handled += 1


def run_pipeline(batches, n_consumers):
    ctx = mp.get_context("spawn")
    tasks, results = ctx.Queue(), ctx.Queue()
    producers = [ctx.Process(target=produce, kwargs={"tasks": tasks, "items": b}) for b in batches]
    consumers = [ctx.Process(target=consume, kwargs={"tasks": tasks, "results": results})
                 for _ in range(n_consumers)]
    for p in producers:
        p.start()
    for c in consumers:
        c.start()
    print("started", len(producers), "producers and", len(consumers), "consumers")
    for p in producers:
        p.join()
    print("producers finished; sending", n_consumers, "STOPs")
    for _ in consumers:
        tasks.put(STOP)
    expected = sum(len(b) for b in batches)
    got = []
    for _ in range(expected):
        got.append(results.get())
    for c in consumers:
        c.join()
    print("got", len(got), "items")
    return got
