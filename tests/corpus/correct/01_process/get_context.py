"""Correct: uses multiprocessing.get_context() (no argument, so the default start method)."""

import multiprocessing


def greet(name):
    print("hello", name)


def run_greeting(name):
    ctx = multiprocessing.get_context()
    p = ctx.Process(target=greet, args=(name,))
    p.start()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    ctx = multiprocessing.get_context()
    p = ctx.Process(target=target, args=args)
    p.start()
    return p
