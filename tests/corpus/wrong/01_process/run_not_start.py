"""Wrong: run_greeting calls p.run() instead of p.start(), so greet runs in the calling process."""

from multiprocessing import Process


def greet(name):
    print("hello", name)


def run_greeting(name):
    p = Process(target=greet, args=(name,))
    p.run()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
