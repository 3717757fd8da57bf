"""17_spawn_safe's drivers: they run inside the scenario, next to the student's module, where
pytest may not be installed, so they live apart from the tests (test_spawn_safe.py)."""
import os
import runpy
import sys
import types


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
    try:
        run.call("script", label=command(path, words))
    finally:
        run.module = module
    return {}


def command(path, words):
    return " ".join(["python", os.path.basename(path)] + list(words))
