"""Hostile 01_process: greet SIGKILLs its parent's whole process group: its supervisor and the
long-lived supervisor "zygote" that forked it (the group leader). For safety it only does so
when that group leader is a grader.supervisor process.
Expected: crashed (the supervisor was killed), the next scenarios and the other exercise graded
normally under a fresh zygote."""
import os
import signal


def greet(name):
    group = os.getpgid(os.getppid())
    with open("/proc/%d/cmdline" % group, "rb") as f:
        leader = f.read()
    if b"grader.supervisor" in leader and group != os.getpgid(0):
        os.killpg(group, signal.SIGKILL)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
