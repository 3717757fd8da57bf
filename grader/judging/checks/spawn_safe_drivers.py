"""17_spawn_safe's drivers: they run inside the scenario, next to the student's module, where
pytest may not be installed, so they live apart from the tests (test_spawn_safe.py)."""
import os
import runpy
import sys
import types

from grader.engine import hooks as _hooks
from grader.engine.values import safe_repr

HOLD_S = 6.0  # how long the first child's put waits for the others to end, scaled like every timeout


def first_child_late(n):
    """The first child the next call starts puts its result only once the other n - 1 ended:
    results kept in the order they arrive, not by index, are then out of order every time."""
    _hooks.hold_first_put(n, HOLD_S * float(os.environ.get("MPKIT_TIMEOUT_SCALE") or 1))


def calls_of(numbers):
    """The numbers of each call scale_all_late_first makes: when there are numbers, a second
    call in the same interpreter with one number fewer, as a program may call it again with
    other data (a set_start_method() inside it then fails, and what the first call left in a
    module global shows in the second's result)."""
    return [list(numbers), list(numbers)[:-1]] if numbers else [list(numbers)]


def call_label(numbers, factor):
    return "scale_all(%s, %s)" % (safe_repr(list(numbers), 60), safe_repr(factor, 60))


def scale_all_late_first(run, numbers, factor, label):
    """scale_all on each of calls_of(numbers) in turn, the first child's result arriving last
    each time (`label` names the first call)."""
    for each in calls_of(numbers):
        first_child_late(len(each))
        run.call("scale_all", each, factor, label=label if each == list(numbers) else call_label(each, factor))
    return {}


def run_as_script(run, words):
    """Run the student's file as the main module, as `python spawn_safe_tasks.py WORDS...`
    does: under spawn and forkserver each child then imports the file afresh as __mp_main__
    and runs its top level again, so a missing `if __name__ == "__main__":` guard shows."""
    path = run.module.__file__
    argv = sys.argv[:]

    def script():
        sys.argv[:] = [path] + list(words)
        try:
            runpy.run_path(path, run_name="__main__")
        finally:
            sys.argv[:] = argv

    module, run.module = run.module, types.SimpleNamespace(script=script)
    first_child_late(len(words) - 1)
    try:
        run.call("script", label=command(path, words))
    finally:
        run.module = module
    return {}


def command(path, words):
    return " ".join(["python", os.path.basename(path)] + list(words))
