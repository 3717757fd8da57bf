"""Source: hhakangull/YMH410YapayZekaProjesi, deneme.py.
Intent: watch a Process go from initial to started to stopped by printing it.
Adapted: f -> greet; `__main__` -> run_greeting returning p.exitcode; start_in_background from
the same lines (without the join).
Expected: passed everywhere. print(p) after start() runs while the child is running (under
spawn the parent's '<Process ... started>' line comes before 'hello mpkit'); it is the
caller's debug output."""
from multiprocessing import Process


def greet(name):
    print('hello', name)


def run_greeting(name):
    p = Process(target=greet, args=(name,))
    print(p)
    p.start()
    print(p)
    p.join()
    print(p)
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    print(p)
    p.start()
    print(p)
    return p
