"""Wrong: start_in_background starts a thread, so the target runs in the calling process."""

import threading
from multiprocessing import Process


def greet(name):
    print("hello", name)


def run_greeting(name):
    p = Process(target=greet, args=(name,))
    p.start()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    t = threading.Thread(target=target, args=args)
    t.start()
    return t
