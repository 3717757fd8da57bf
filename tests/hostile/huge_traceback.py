"""Hostile 01_process: an exception at the end of a chain of 300000 exceptions (`raise ... from`),
built in well under a second, raised by greet and, in a child, by run_greeting's target.
Python formats such a chain (for the report) in seconds to tens of seconds.
Expected: crashed, "ValueError", well within the (scaled) timeout."""
from multiprocessing import Process


def fail():
    error = None
    for i in range(300000):
        try:
            raise ValueError("link %d" % i) from error
        except ValueError as exc:
            error = exc
    raise error


def greet(name):
    fail()


def run_greeting(name):
    p = Process(target=fail)
    p.start()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    raise NotImplementedError
