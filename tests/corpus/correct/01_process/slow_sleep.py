"""Correct but slow: greet sleeps 0.5 s before printing; slow correct code must pass."""

import time
from multiprocessing import Process


def greet(name):
    time.sleep(0.5)
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
