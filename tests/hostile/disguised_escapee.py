"""Hostile 01_process: like setsid_escapee, but the escapee execs a Python whose command line
mentions "multiprocessing.resource_tracker", the mark the supervisor uses to recognise
multiprocessing's own helper processes. Expected: leaked_processes all the same, and killed."""
import os
import sys
import time

PID_DIR = "@HOSTILE_PID_DIR@"
SLEEPER = ("import os, time\n"
           "with open('/proc/self/stat') as f: start = f.read().rsplit(')', 1)[1].split()[19]\n"
           "fd = os.open(os.path.join(%r, 'escapee-%%d' %% os.getpid()), os.O_WRONLY | os.O_CREAT, 0o600)\n"
           "os.write(fd, ('%%d %%s' %% (os.getpid(), start)).encode()); os.close(fd)\n"
           "time.sleep(60)\n" % PID_DIR)


def greet(name):
    if os.fork() == 0:
        try:
            os.setsid()
            if os.fork() == 0:
                os.execv(sys.executable, [sys.executable, "-c", SLEEPER, "multiprocessing.resource_tracker"])
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
