"""Correct: waits with short join timeouts in a loop until the child is gone."""

from multiprocessing import Process


def greet(name):
    print("hello %s" % name)


def run_greeting(name):
    p = Process(target=greet, args=(name,))
    p.start()
    while p.is_alive():
        p.join(0.05)
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=tuple(args))
    p.start()
    return p
