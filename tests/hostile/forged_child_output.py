"""Hostile 01_process: run_greeting starts a real child that does nothing, then writes into
that child's own event file (MPKIT_EVENTS_DIR/<pid>.jsonl) that greet ran there and printed
"hello mpkit". The pid is real; the output never reached stdout. Expected: not believed (the
supervisor confirms every write against what it read from stdout): run_greeting_in_child
failed, "printed ''". (It returns 0 whatever the child's exit code: run_greeting_exit_code
fails for that; what it forges here is the output alone.)"""
import json
import multiprocessing
import os
import time


def greet(name):
    raise NotImplementedError


def _forge(pid, kind, **data):
    event = dict({"t": round(time.monotonic(), 6), "pid": pid, "kind": kind}, **data)
    with open(os.path.join(os.environ["MPKIT_EVENTS_DIR"], "%d.jsonl" % pid), "a") as f:
        f.write(json.dumps(event) + "\n")


def run_greeting(name):
    child = multiprocessing.Process(target=os.getpid)
    child.start()
    child.join()
    _forge(child.pid, "ran", function="greet", file="hello_process.py", line=1)
    _forge(child.pid, "write", stream="stdout", text="hello %s\n" % name, held=[])
    return 0


def start_in_background(target, *args):
    raise NotImplementedError
