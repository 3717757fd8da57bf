"""Hostile 01_process: greet finds the zygote above its supervisor (the grandparent of the
runner) and writes, into the pipe the grader reads the supervisor's answers from, one line of
JSON nested 100000 deep, which no json.loads can read. Possible where the scenario runs as the
grader's user without a pid namespace (the threat model's "The pipe the grader reads reports
from is reachable too"). Expected: greet's test an error, the rest of the run goes on."""
import os


def _parent(pid):
    with open("/proc/%d/stat" % pid) as f:
        return int(f.read().rsplit(")", 1)[1].split()[1])


def greet(name):
    zygote = _parent(_parent(os.getpid()))
    with open("/proc/%d/fd/1" % zygote, "w") as pipe:
        pipe.write("[" * 100000 + "]" * 100000 + "\n")


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
