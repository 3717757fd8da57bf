"""Hostile 01_process: greet writes, in its own process's event file, well-formed event lines
whose one field is a list nested 900 to 1000 deep (json.loads' limit is the recursion limit
less the depth of the call: some of them parse in one place and not in another).
Expected: greet failed (it prints nothing), the rest of the run goes on."""
import json
import os
import time


def greet(name):
    path = os.path.join(os.environ["MPKIT_EVENTS_DIR"], "%d.jsonl" % os.getpid())
    with open(path, "a") as f:
        for depth in range(900, 1001):
            head = json.dumps({"t": time.monotonic(), "pid": os.getpid(), "kind": "note"})
            f.write(head[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}\n")


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
