"""Cheap trick: run_greeting starts a Process that runs something else (os.getpid), greets
from the calling process itself and returns a canned 0. Run plainly: 'hello mpkit' from the
caller's pid and 0, under every start method; a child never greets."""

import os
from multiprocessing import Process


def greet(name):
    print("hello", name)


def run_greeting(name):
    p = Process(target=os.getpid)
    p.start()
    p.join()
    greet(name)
    return 0


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
