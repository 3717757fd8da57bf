"""Source: labulaka521/note, python笔记/一些代码/线程进程协程/process_1.py (Liao Xuefeng's tutorial
example, with the author's own typo 'Child process enf').
Intent: show that the child runs in another pid; the parent prints its pid and
'Child Process will start' / 'Child process enf' around start and join.
Adapted: run_proc -> greet, its text -> 'hello %s' (the exercise's greeting); the `__main__`
block -> run_greeting(name) returning p.exitcode; start_in_background from the same lines.
Expected: passed everywhere. The parent's lines are debug output of the caller, the child
prints exactly 'hello mpkit' (run plainly under all three methods)."""
from multiprocessing import Process
import os

def greet(name):
    print('hello %s' % name)


def run_greeting(name):
    print('Parent process %s.'%os.getpid())
    p = Process(target=greet, args=(name,))
    print('Child Process will start')
    p.start()
    p.join()
    # join 方法可以等待子进程结束后再继续往下运行，通常用于进程间的同步
    print('Child process enf')
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    print('Child Process will start')
    p.start()
    return p
