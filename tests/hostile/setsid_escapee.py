"""Hostile 01_process: greet prints correctly but leaves a grandchild behind that escaped with
setsid and a double fork (it writes its pid to a file, then sleeps 60 s).
Expected: leaked_processes, and the escapee killed (the supervisor is a child subreaper)."""
import os
import time

PID_DIR = "@HOSTILE_PID_DIR@"


def note_pid():
    with open("/proc/self/stat") as f:
        start = f.read().rsplit(")", 1)[1].split()[19]
    fd = os.open(os.path.join(PID_DIR, "escapee-%d" % os.getpid()), os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, ("%d %s" % (os.getpid(), start)).encode())
    os.close(fd)


def greet(name):
    if os.fork() == 0:
        try:
            os.setsid()
            if os.fork() == 0:
                note_pid()
                time.sleep(60)
        finally:
            os._exit(0)
    os.wait()
    deadline = time.monotonic() + 10
    while not os.listdir(PID_DIR) and time.monotonic() < deadline:
        time.sleep(0.01)
    print("hello", name)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
