"""Hostile 01_process: text that cannot be encoded as UTF-8 at all (lone surrogates) in an
exception message, in the main process and in a child.
Expected: crashed with the message shown somehow, and the JSON report valid."""
from multiprocessing import Process


def greet(name):
    raise ValueError("bad \udcff\ud800 text")


def child():
    raise ValueError("bad \udcff\ud800 text in a child")


def run_greeting(name):
    p = Process(target=child)
    p.start()
    p.join()
    return 0


def start_in_background(target, *args):
    raise NotImplementedError
