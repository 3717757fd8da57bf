"""Hostile 01_process: greet prints 3.5 million empty lines, and appends to its own process's
event log (MPKIT_EVENTS_DIR/<pid>.jsonl) one "write" event holding all of them at once (7 MB
of JSON, under the supervisor's cap on what it reads of a file). The text was printed, so the
event is confirmed, and the timeline of the scenario has one write of 3.5 million lines to draw.
Expected: greet_prints failed (the wrong text), the timeline drawn within the scenario's own
budget, the rest of the run untouched."""
import json
import os
import sys
import time

LINES = 3500 * 1000


def greet(name):
    text = "\n" * LINES
    sys.stdout.write(text)
    sys.stdout.flush()
    event = {"t": round(time.monotonic(), 6), "pid": os.getpid(), "kind": "write",
             "stream": "stdout", "text": text, "held": []}
    path = os.path.join(os.environ["MPKIT_EVENTS_DIR"], "%d.jsonl" % os.getpid())
    with open(path, "a") as f:
        f.write(json.dumps(event) + "\n")


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
