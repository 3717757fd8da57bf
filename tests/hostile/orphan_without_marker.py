"""Hostile 01_process: greet starts a sleeper (60 s) with an empty environment, so it carries no
MPKIT_EVENTS_DIR, then SIGKILLs the two subreapers that would collect it: first the supervisor
"zygote" (the group leader of its supervisor; for safety, only if it is a grader.engine.supervisor
process), and once that one is gone, its own supervisor. The grader is left with its sweep.
Expected: crashed, and the sleeper killed all the same."""
import os
import signal
import sys
import time

PID_DIR = "@HOSTILE_PID_DIR@"
SLEEPER = ("import os, time\n"
           "with open('/proc/self/stat') as f: start = f.read().rsplit(')', 1)[1].split()[19]\n"
           "fd = os.open(os.path.join(%r, 'orphan-%%d' %% os.getpid()), os.O_WRONLY | os.O_CREAT, 0o600)\n"
           "os.write(fd, ('%%d %%s' %% (os.getpid(), start)).encode()); os.close(fd)\n"
           "time.sleep(60)\n" % PID_DIR)


def _gone(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def greet(name):
    if os.fork() == 0:
        try:
            os.execve(sys.executable, [sys.executable, "-c", SLEEPER], {})
        finally:
            os._exit(1)
    deadline = time.monotonic() + 10
    while not os.listdir(PID_DIR) and time.monotonic() < deadline:
        time.sleep(0.01)
    supervisor = os.getppid()
    with open("/proc/%d/stat" % supervisor) as f:
        start = f.read().rsplit(")", 1)[1].split()[19]
    fd = os.open(os.path.join(PID_DIR, "supervisor-%d" % supervisor), os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, ("%d %s" % (supervisor, start)).encode())
    os.close(fd)
    zygote = os.getpgid(supervisor)
    with open("/proc/%d/cmdline" % zygote, "rb") as f:
        leader = f.read()
    if b"grader.engine.supervisor" not in leader or zygote == os.getpgid(0):
        return
    os.kill(zygote, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while not _gone(zygote) and time.monotonic() < deadline:  # its children re-parented
        time.sleep(0.01)
    os.kill(supervisor, signal.SIGKILL)
    time.sleep(2)  # stay the sleeper's parent while the grader cleans up


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
