"""Wrong: a Process subclass; after join() the caller calls run() itself, so greet runs a
second time, in the calling process: 'hello mpkit' is printed twice."""
from multiprocessing import Process


def greet(name):
    print("hello", name)


class Greeter(Process):
    def __init__(self, who):
        super().__init__()
        self.who = who

    def run(self):
        greet(self.who)


def run_greeting(name):
    g = Greeter(name)
    g.start()
    g.join()
    g.run()
    return g.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
