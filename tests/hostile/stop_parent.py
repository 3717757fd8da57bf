"""Hostile 01_process: greet freezes its parent, the grader's supervisor, with SIGSTOP.
Expected: the grader's backstop (the scenario timeout + 30 s) gives up on that supervisor,
kills it and sweeps its processes: timeout with the backstop message; the rest unaffected."""
import os
import signal

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
    os.kill(os.getppid(), signal.SIGSTOP)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
