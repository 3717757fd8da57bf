"""Wrong: run_greeting always returns 0 instead of the child's real exit code."""

from multiprocessing import Process


def greet(name):
    print("hello", name)


def run_greeting(name):
    p = Process(target=greet, args=(name,))
    p.start()
    p.join()
    return 0


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
