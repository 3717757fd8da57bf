"""Correct: a Process subclass that stores the name it greets in self.name (Process.name must be
a str, and the name given is one)."""
from multiprocessing import Process


def greet(name):
    print("hello", name)


class Greeter(Process):
    def __init__(self, name):
        super().__init__()
        self.name = name

    def run(self):
        greet(self.name)


def run_greeting(name):
    g = Greeter(name)
    g.start()
    g.join()
    return g.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
