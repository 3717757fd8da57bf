"""Grader-owned targets and values handed to student code. Importable by name, so they work
under every start method; each records in which process it ran."""
import os
import sys

from grader.engine import hooks as _hooks


def wait_for_release(ready, release, token):
    """A target that sends its pid on `ready`, then waits until the grader sends on `release`.
    Both are pipe ends, which every start method and context can pass (a SemLock cannot
    cross from a fork context to a spawn one)."""
    _hooks.emit("probe", probe="wait_for_release", token=token)
    ready.send(os.getpid())
    ready.close()
    release.recv()


class ExitWhenShown:
    """A name that ends the child process with `code` when it is turned into text (str,
    format, + ...). In the calling process it is just the text 'mpkit', so code that runs
    greet in the wrong process is told so rather than killed."""

    def __init__(self, code):
        self.code = code

    def _show(self):
        if str(os.getpid()) != os.environ.get("MPKIT_RUNNER_PID"):
            _hooks.emit("probe", probe="exit_when_shown", code=self.code)
            sys.exit(self.code)
        return "mpkit"

    def __str__(self):
        return self._show()

    def __format__(self, spec):
        return format(self._show(), spec)

    def __add__(self, other):
        return self._show() + other

    def __radd__(self, other):
        return other + self._show()

    def __repr__(self):
        return "'mpkit'"
