"""Wrong: run_greeting calls set_start_method() itself. It works the first time; the second call
in the same program raises RuntimeError: context has already been set."""
import multiprocessing
from multiprocessing import Process


def greet(name):
    print("hello", name)


def run_greeting(name):
    multiprocessing.set_start_method("spawn")
    p = Process(target=greet, args=(name,))
    p.start()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
