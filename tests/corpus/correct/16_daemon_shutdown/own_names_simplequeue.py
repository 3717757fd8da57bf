"""Correct: names of the student's own, SimpleQueues, the jobs put before the worker starts,
and `is_alive()` asked before terminating (a stop helper like 06's)."""
from multiprocessing import Process, SimpleQueue


def serve(inbox, outbox):
    for number in iter(inbox.get, object()):  # never matches: runs for ever
        outbox.put(number * number)


def stop(proc):
    if proc.is_alive():
        proc.terminate()
    proc.join()
    return proc.exitcode


def run_jobs(numbers):
    inbox, outbox = SimpleQueue(), SimpleQueue()
    for number in numbers:
        inbox.put(number)
    helper = Process(target=serve, args=(inbox, outbox), daemon=True)
    helper.start()
    collected = [outbox.get() for _ in numbers]
    code = stop(helper)
    return collected, code
