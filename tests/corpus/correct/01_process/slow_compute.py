"""Correct but slow: greet computes for about 0.5 s (bounded busy loop) before printing."""

import time
from multiprocessing import Process


def greet(name):
    deadline = time.monotonic() + 0.5
    total = 0
    while time.monotonic() < deadline:
        total += 1
    print("hello", name)


def run_greeting(name):
    p = Process(target=greet, args=(name,))
    p.start()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
