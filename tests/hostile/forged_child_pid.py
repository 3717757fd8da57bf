"""Hostile 01_process: run_greeting prints "hello mpkit" in the caller, so it really reaches
stdout, but claims a child that never existed: a made-up process appended to the grader's
list of started processes (grader.engine.hooks.started) and, under its made-up pid, event
lines saying greet ran and printed there. Expected: not believed where the scenario has a pid
namespace (the supervisor keeps only pids the namespace handed out): run_greeting_in_child
no_process. Without one, the claim cannot be told from a real child (docs/threat-model.md)."""
import json
import os
import sys
import time


def greet(name):
    raise NotImplementedError


class _Made:  # what the runner reads of a started process
    def __init__(self, pid):
        self.pid, self.daemon, self.name = pid, False, "Process-1"
        self._mpkit_target, self._popen = "greet", type("Popen", (), {"returncode": 0})()


def _forge(pid, kind, **data):
    event = dict({"t": round(time.monotonic(), 6), "pid": pid, "kind": kind}, **data)
    with open(os.path.join(os.environ["MPKIT_EVENTS_DIR"], "%d.jsonl" % pid), "a") as f:
        f.write(json.dumps(event) + "\n")


def run_greeting(name):
    pid = os.getpid() + 1000
    sys.modules["grader.engine.hooks"].started.append(_Made(pid))
    _forge(pid, "ran", function="greet", file="hello_process.py", line=1)
    print("hello", name)
    _forge(pid, "write", stream="stdout", text="hello %s\n" % name, held=[])
    return 0


def start_in_background(target, *args):
    raise NotImplementedError
