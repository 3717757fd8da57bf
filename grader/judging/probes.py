"""Grader-owned targets and values handed to student code. Importable by name, so they work
under every start method; each records in which process it ran."""
import os

from grader.engine import hooks as _hooks


def wait_for_release(ready, release, token):
    """A target that sends its pid on `ready`, then waits until the grader sends on `release`.
    Both are pipe ends, which every start method and context can pass (a SemLock cannot
    cross from a fork context to a spawn one)."""
    _hooks.emit("probe", probe="wait_for_release", token=token)
    ready.send(os.getpid())
    ready.close()
    release.recv()


def finish_with(code, token):
    """A target that ends at once by itself, with exit code `code`."""
    import sys

    _hooks.emit("probe", probe="finish_with", token=token)
    if code:
        sys.exit(code)


def task(x):
    """A task for the student's code to run: x * x; a negative x raises ValueError; x >= 100
    ends the process at once with exit code x - 100."""
    import sys

    _hooks.emit("probe", probe="task", token=x)
    if x < 0:
        raise ValueError("negative: %d" % x)
    if x >= 100:
        sys.exit(x - 100)
    return x * x
