"""Hostile 01_process: wrong code that patches builtins and the grader's own modules at import:
print writes "hello world" straight to the real stdout, open raises, the event log is silenced
(grader.engine.hooks.emit, which the runner calls, and grader.engine.hooks.record.emit, which the
hooks call), the runner's value description always says 0 and the runner's record of the
processes started is emptied. run_greeting calls greet in the calling process; nothing
starts a process. Expected: a clear non-passed verdict for every scenario, never a forged pass."""
import builtins
import os

import grader.engine.hooks
import grader.engine.runner

_real_describe = grader.engine.runner.describe


def fake_print(*args, **kwargs):
    os.write(1, b"hello world\n")


def no_open(*args, **kwargs):
    raise PermissionError("open is disabled")


builtins.print = fake_print
builtins.open = no_open
grader.engine.hooks.emit = lambda *args, **kwargs: None
grader.engine.hooks.record.emit = lambda *args, **kwargs: None
grader.engine.runner.describe = lambda value: _real_describe(0)
grader.engine.runner.Run.process_state = staticmethod(lambda process: {})


def greet(name):
    print("goodbye", name)


def run_greeting(name):
    greet(name)
    return 0


def start_in_background(target, *args):
    target(*args)
    return None
