"""Hostile 01_process: greet SIGKILLs its parent (the grader's supervisor); the child of
run_greeting SIGKILLs its own parent (the process that runs the grader's driver);
start_in_background's child SIGKILLs its whole process group.
Expected: crashed each time (greet's message mentions the parent), the grader unaffected."""
import os
import signal
from multiprocessing import Process

PID_DIR = "@HOSTILE_PID_DIR@"


def note_supervisor():
    """Write the supervisor's pid (and start time) where the test finds it."""
    pid = os.getppid()
    with open("/proc/%d/stat" % pid) as f:
        start = f.read().rsplit(")", 1)[1].split()[19]
    fd = os.open(os.path.join(PID_DIR, "supervisor-%d" % pid), os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, ("%d %s" % (pid, start)).encode())
    os.close(fd)


def greet(name):
    note_supervisor()
    os.kill(os.getppid(), signal.SIGKILL)


def kill_my_parent(name):
    os.kill(os.getppid(), signal.SIGKILL)


def kill_my_group(*args):
    os.killpg(os.getpgid(0), signal.SIGKILL)


def run_greeting(name):
    p = Process(target=kill_my_parent, args=(name,))
    p.start()
    p.join()
    return p.exitcode


def start_in_background(target, *args):
    p = Process(target=kill_my_group, args=args)
    p.start()
    p.join()
    return p
