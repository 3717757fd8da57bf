"""Source: Carlzkh/CrazyPythonNotes, 14/14.9/first_process.py (《疯狂Python讲义》 example).
Intent: the same start/join demo with the parent's progress lines in Chinese
('父进程', '子进程将开始', '子进程结束').
Adapted: run_proc -> greet printing 'hello %s'; `__main__` -> run_greeting returning
p.exitcode; start_in_background from the same lines.
Expected: passed everywhere (the parent's Chinese lines are debug output)."""
from multiprocessing import Process
import os


def greet(name):
    print('hello %s' % name)


def run_greeting(name):
    print('父进程%s' % os.getpid())
    p = Process(target=greet, args=(name,))
    print('子进程将开始')
    p.start()
    p.join()
    print('子进程结束')
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    print('子进程将开始')
    p.start()
    return p
