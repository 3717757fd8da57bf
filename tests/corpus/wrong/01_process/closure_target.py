"""run_greeting's target is a function defined inside it: fine under fork only."""
from multiprocessing import Process


def greet(name):
    print("hello", name)


def run_greeting(name):
    def work():
        greet(name)

    p = Process(target=work)
    p.start()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
