"""The target was defined in __main__ (as when code is pasted from a script or a notebook
cell): its __module__ says __main__, which a spawn child cannot import it from."""
from multiprocessing import Process


def greet(name):
    print("hello", name)


def _pasted_from_a_notebook(name):
    greet(name)


_pasted_from_a_notebook.__module__ = "__main__"


def run_greeting(name):
    p = Process(target=_pasted_from_a_notebook, args=(name,))
    p.start()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
