"""Wrong: reads the exit code before join, so run_greeting returns None."""

from multiprocessing import Process


def greet(name):
    print("hello", name)


def run_greeting(name):
    p = Process(target=greet, args=(name,))
    p.start()
    code = p.exitcode
    p.join()
    return code


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
