"""Hostile 01_process: greet makes 20 locks in a spawn context (named semaphores in /dev/shm,
which the fork context would unlink at once), hands them to a spawn child that sleeps 60 s,
then SIGKILLs itself, so no finalizer of its own unlinks them.
Expected: crashed (killed by SIGKILL), the child killed and no sem.mp-* file left behind."""
import os
import signal
import time
from multiprocessing import get_context

PID_DIR = "@HOSTILE_PID_DIR@"


def hold(locks):
    with open("/proc/self/stat") as f:
        start = f.read().rsplit(")", 1)[1].split()[19]
    fd = os.open(os.path.join(PID_DIR, "child-%d" % os.getpid()), os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, ("%d %s" % (os.getpid(), start)).encode())
    os.close(fd)
    for lock in locks:
        lock.acquire()
    time.sleep(60)


def greet(name):
    ctx = get_context("spawn")
    locks = [ctx.Lock() for _ in range(20)]
    ctx.Process(target=hold, args=(locks,)).start()
    deadline = time.monotonic() + 20
    while not os.listdir(PID_DIR) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGKILL)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
