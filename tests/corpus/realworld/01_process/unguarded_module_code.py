"""Source: ngstyle/pythoner, pro/chon/multiple/test_process.py (Liao Xuefeng's example written
without the `if __name__ == '__main__':` guard).
Intent: the start/join demo, at module level.
Adapted: run_proc -> greet ('hello', name); run_greeting and start_in_background added above
the author's module-level demo, which is kept as it is (that is the mistake).
Expected: under fork passed (the demo runs once at import, children are forked and do not
import again). Under spawn and forkserver every child imports the module again and the demo
tries to start a process while the child bootstraps: RuntimeError 'An attempt has been made
to start a new process before the current process has finished its bootstrapping phase',
the child exits 1 (run plainly: run_greeting returned 1 and printed no greeting). As for
wrong/02_queue/unguarded_demo.py, that is an `error` verdict naming the missing guard."""
from multiprocessing import Process
import os


def greet(name):
    print('hello', name)


def run_greeting(name):
    p = Process(target=greet, args=(name,))
    p.start()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p


print('Parent process %s.' % os.getpid())
p = Process(target=greet, args=('test',))
print('Child process will start.')
p.start()
p.join()
print('Child process end.')
