"""Wrong: run_greeting calls greet directly in the calling process instead of a new process."""

from multiprocessing import Process


def greet(name):
    print("hello", name)


def run_greeting(name):
    greet(name)
    return 0


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
