"""Source: tulingxueyuan/CookBook_and_code, 12-多线程/21.py (the docs' info() example).
Intent: print module name, parent pid and pid from the parent ('main line') and the child
('function f') to show they are different processes.
Adapted: f -> greet; `__main__` -> run_greeting returning p.exitcode; start_in_background added.
Expected: greet_prints and run_greeting_in_child failed (greet prints 4 info lines before
'hello <name>'), run_greeting_exit_code and start_in_background passed; the same under all
three methods (run plainly)."""
from multiprocessing import Process
import os


def info(title):
    print(title)
    print('module name:', __name__)
    # 得到父亲进程的id
    print('parent process:', os.getppid())
    # 得到本身进程的id
    print('process id:', os.getpid())



def greet(name):
    info('function f')
    print('hello', name)

def run_greeting(name):
    info('main line')
    p = Process(target=greet, args=(name,))
    p.start()
    p.join()
    return p.exitcode

def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
