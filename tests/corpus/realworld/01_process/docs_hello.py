"""Source: mumingv/python, libs/multiprocessing/sample-1.py (the Python docs' first Process example).
Intent: run f(name), which prints 'hello', name, in a child process, start then join.
Adapted: f -> greet; the `__main__` block -> run_greeting(name) (returns p.exitcode, as the
exercise asks); start_in_background is the same two lines without the join.
Expected: passed everywhere, under fork, spawn and forkserver (run plainly: 'hello mpkit', 0)."""
from multiprocessing import Process

def greet(name):
    print('hello', name)

def run_greeting(name):
    p = Process(target=greet, args=(name, ))
    p.start()
    p.join()
    return p.exitcode

def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
