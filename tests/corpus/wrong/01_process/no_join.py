"""Wrong: run_greeting never joins the child, so it returns while the child may still run."""

from multiprocessing import Process


def greet(name):
    print("hello", name)


def run_greeting(name):
    p = Process(target=greet, args=(name,))
    p.start()
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
