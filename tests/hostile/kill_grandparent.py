"""Hostile 01_process: greet SIGKILLs its parent's whole process group: its supervisor and the
long-lived supervisor "zygote" that forked it (the group leader). For safety it only does so
when that group leader is a grader.engine.supervisor process.
Expected: crashed (the supervisor was killed), the next scenarios and the other exercise graded
normally under a fresh zygote."""
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
    group = os.getpgid(os.getppid())
    with open("/proc/%d/cmdline" % group, "rb") as f:
        leader = f.read()
    if b"grader.engine.supervisor" in leader and group != os.getpgid(0):
        note_supervisor()
        os.killpg(group, signal.SIGKILL)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
