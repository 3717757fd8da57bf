"""Source: zarkaltair/Data-Scientist,
Coursera_courses/Diving_in_python/05_week/Processes/06_creating_process_with_multiprocessing.py.
Intent: subclass Process; __init__ stores the name in self.name (which is Process's own `name`
property), run() prints 'hello', self.name.
Adapted: the module-level demo (`p = PrintProcess('Mike'); p.start(); p.join()`, unguarded in
the original) became run_greeting(name) returning p.exitcode; run()'s print became greet (the
exercise asks for the child to run greet), and start_in_background was added in the same plain
style.
Expected: passed everywhere. Note that Process.name's setter asserts a str: a name that is not
a str makes the constructor raise AssertionError."""
from multiprocessing import Process


def greet(name):
    print('hello', name)


class PrintProcess(Process):
    def __init__(self, name):
        super().__init__()
        self.name = name

    def run(self):
        greet(self.name)


def run_greeting(name):
    p = PrintProcess(name)
    p.start()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
