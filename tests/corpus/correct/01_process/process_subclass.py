"""Correct: a Process subclass that overrides run()."""

from multiprocessing import Process


def greet(name):
    print("hello", name)


class Greeter(Process):
    def __init__(self, who):
        super().__init__()
        self.who = who

    def run(self):
        greet(self.who)


class Runner(Process):
    def __init__(self, func, func_args):
        super().__init__()
        self.func = func
        self.func_args = func_args

    def run(self):
        self.func(*self.func_args)


def run_greeting(name):
    g = Greeter(name)
    g.start()
    g.join()
    return g.exitcode


def start_in_background(target, *args):
    r = Runner(target, args)
    r.start()
    return r
