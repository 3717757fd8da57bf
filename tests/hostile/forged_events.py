"""Hostile 01_process: wrong code (greet prints nothing) that appends a made-up "write" event,
"hello world" on stdout, to the grader's event log, whose folder it reads from the environment
(MPKIT_EVENTS_DIR). Expected: not believed: greet_prints not passed."""
import json
import os
import time


def greet(name):
    event = {"t": round(time.monotonic(), 6), "pid": os.getpid(), "kind": "write",
             "stream": "stdout", "text": "hello " + name + "\n", "held": []}
    path = os.path.join(os.environ["MPKIT_EVENTS_DIR"], "%d.jsonl" % (os.getpid() + 100000))
    with open(path, "a") as f:
        f.write(json.dumps(event) + "\n")


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
