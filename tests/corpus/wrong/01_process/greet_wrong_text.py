"""Wrong: greet prints "Hello, <name>!" instead of exactly "hello <name>"."""

from multiprocessing import Process


def greet(name):
    print(f"Hello, {name}!")


def run_greeting(name):
    p = Process(target=greet, args=(name,))
    p.start()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
