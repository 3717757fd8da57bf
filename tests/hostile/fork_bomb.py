"""Hostile 01_process: greet forks 300 children that each sleep up to 60 s (bounded).
Expected: the grader's process cap (max_processes = 64) stops the scenario; every child is killed."""
import os
import time

PID_DIR = "@HOSTILE_PID_DIR@"


def greet(name):
    for _ in range(300):
        if os.fork() == 0:
            try:
                with open("/proc/self/stat") as f:
                    start = f.read().rsplit(")", 1)[1].split()[19]
                fd = os.open(os.path.join(PID_DIR, "child-%d" % os.getpid()), os.O_WRONLY | os.O_CREAT, 0o600)
                os.write(fd, ("%d %s" % (os.getpid(), start)).encode())
                os.close(fd)
                time.sleep(60)
            finally:
                os._exit(0)
    time.sleep(60)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
