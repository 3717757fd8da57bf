"""Correct: the caller prints debug lines (the Process object, its pid) while the child runs.
Output from the caller is the student's business: greet still ran in the child."""
from multiprocessing import Process


def greet(name):
    print("hello", name)


def run_greeting(name):
    p = Process(target=greet, args=(name,))
    p.start()
    print(p)
    print("started child", p.pid)
    p.join()
    print("child finished with", p.exitcode)
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    print("background process", p.name)
    return p
