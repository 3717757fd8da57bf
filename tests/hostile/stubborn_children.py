"""Hostile 01_process: greet and run_greeting start children that block every signal they can,
ignore SIGTERM, SIGINT, SIGHUP and SIGUSR1 (the stack-dump signal), sleep 60 s and are never
joined. Expected: not_joined, and every child killed anyway (SIGKILL cannot be ignored)."""
import os
import signal
import time
from multiprocessing import Process

PID_DIR = "@HOSTILE_PID_DIR@"


def note_pid():
    with open("/proc/self/stat") as f:
        start = f.read().rsplit(")", 1)[1].split()[19]
    fd = os.open(os.path.join(PID_DIR, "child-%d" % os.getpid()), os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, ("%d %s" % (os.getpid(), start)).encode())
    os.close(fd)


def stubborn():
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGUSR1):
        signal.signal(sig, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
    note_pid()
    time.sleep(60)


def greet(name):
    for _ in range(3):
        Process(target=stubborn).start()
    time.sleep(0.5)  # let them install their handlers


def run_greeting(name):
    Process(target=stubborn).start()
    return 0


def start_in_background(target, *args):
    raise NotImplementedError
