"""run_greeting passes a lambda as the target: fine under fork, cannot be sent under spawn."""
from multiprocessing import Process


def greet(name):
    print("hello", name)


def run_greeting(name):
    p = Process(target=lambda: greet(name))
    p.start()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
