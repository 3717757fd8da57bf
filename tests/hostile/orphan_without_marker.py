"""Hostile 01_process: greet starts a sleeper (60 s) with an empty environment, so it carries no
MPKIT_EVENTS_DIR, then SIGKILLs its parent's process group: its supervisor and the supervisor
"zygote" that forked it, the two subreapers that would have collected the orphan. For safety it
only does so when that group leader is a grader.supervisor process.
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


def greet(name):
    if os.fork() == 0:
        try:
            os.execve(sys.executable, [sys.executable, "-c", SLEEPER], {})
        finally:
            os._exit(1)
    deadline = time.monotonic() + 10
    while not os.listdir(PID_DIR) and time.monotonic() < deadline:
        time.sleep(0.01)
    group = os.getpgid(os.getppid())
    with open("/proc/%d/cmdline" % group, "rb") as f:
        leader = f.read()
    if b"grader.supervisor" in leader and group != os.getpgid(0):
        os.killpg(group, signal.SIGKILL)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
