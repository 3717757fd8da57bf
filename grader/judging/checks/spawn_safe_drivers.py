"""17_spawn_safe's drivers: they run inside the scenario, next to the student's module, where
pytest may not be installed, so they live apart from the tests (test_spawn_safe.py)."""
import os
import runpy
import sys
import types

from grader.engine import hooks as _hooks

HOLD_S = 6.0  # how long the first child's put waits for the others to end, scaled like every timeout


def first_child_late(n):
    """The first child the next call starts puts its result only once the other n - 1 ended:
    results kept in the order they arrive, not by index, are then out of order every time."""
    _hooks.hold_first_put(n, HOLD_S * float(os.environ.get("MPKIT_TIMEOUT_SCALE") or 1))


def scale_all_late_first(run, numbers, factor, label):
    """scale_all(numbers, factor), with the first child's result arriving last; twice in one
    interpreter when there are numbers, as a program may call it (a set_start_method() inside
    it then fails the second time)."""
    for _ in range(2 if numbers else 1):
        first_child_late(len(numbers))
        run.call("scale_all", list(numbers), factor, label=label)
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
