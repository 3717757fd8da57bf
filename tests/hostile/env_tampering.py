"""Hostile 01_process: clears the environment at import and sets it to nonsense: PATH and
PYTHONPATH to missing folders, the grader's MPKIT_* variables to other values (another events
folder, another runner pid, the gate off, a huge timeout scale). greet is correct, so it should
still pass; run_greeting calls greet in the calling process and start_in_background starts a
spawn process (a sleeper, with the tampered environment) and returns None.
Expected: greet_prints passed (the rest still grades normally), the others not passed."""
import os
from multiprocessing import get_context

PID_DIR = "@HOSTILE_PID_DIR@"

os.environ.clear()
os.environ.update({
    "PATH": "/nonexistent",
    "PYTHONPATH": "/nonexistent",
    "MPKIT_EVENTS_DIR": os.path.join(os.getcwd(), "fake-events"),
    "MPKIT_DUMPS_DIR": "/nonexistent",
    "MPKIT_RUNNER_PID": "1",
    "MPKIT_GATE": "0",
    "MPKIT_TIMEOUT_SCALE": "1000",
    "TMPDIR": "/nonexistent",
})
os.makedirs(os.environ["MPKIT_EVENTS_DIR"], exist_ok=True)


def sleeper():
    import time

    with open("/proc/self/stat") as f:
        start = f.read().rsplit(")", 1)[1].split()[19]
    fd = os.open(os.path.join(PID_DIR, "child-%d" % os.getpid()), os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, ("%d %s" % (os.getpid(), start)).encode())
    os.close(fd)
    time.sleep(60)


def greet(name):
    print("hello", name)


def run_greeting(name):
    greet(name)
    return 0


def start_in_background(target, *args):
    get_context("spawn").Process(target=sleeper).start()
    return None
