"""Correct: polls with join(0.05) until exitcode is set."""

from multiprocessing import Process


def greet(name):
    print("hello", name)


def run_greeting(name):
    p = Process(target=greet, args=[name])
    p.start()
    while p.exitcode is None:
        p.join(0.05)
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
