"""Hostile 01_process: greet looks for the grader's hidden tests and judges from inside the
scenario, as code that read the kit's source would: it lists the grader's package folder
(found through grader.__file__), opens the files a release of the kit names (the checks
modules, the pytest checks, the judge, the course's manifest and the module that hides the
hidden tests) and what the listing found, and looks in memory at the scenarios and judges its
runner registered. It prints what it got: whatever it prints comes back in its feedback.
Expected: the scenario's view of the grader holds only what its runner needs (the engine and
the runner's probes), so it reads nothing, lists none of them, and its runner knows only its
own scenario's driver, with no judge."""
import json
import os
import sys

KNOWN = ["judging/checks/process.py", "judging/checks/common.py", "judging/checks/test_queue.py",
         "judging/checks/queue_drivers.py", "judging/checks/__pycache__", "judging/pytest_checks.py",
         "judging/judge.py", "course/manifest.toml", "course/hidden.py", "messages.py", "grading.py"]


def _looked():
    import grader

    top = os.path.dirname(os.path.abspath(grader.__file__))
    listed = []
    for root, dirs, files in os.walk(top):
        listed += [os.path.relpath(os.path.join(root, name), top) for name in dirs + files]
    read = []
    for name in sorted(set(KNOWN + listed)):
        path = os.path.join(top, name)
        try:
            if os.path.isdir(path):
                os.listdir(path)
            else:
                with open(path, "rb") as f:
                    f.read(1)
            read.append(name)
        except OSError:
            pass
    return listed, read


def greet(name):
    listed, read = _looked()
    registry = getattr(sys.modules.get("grader.engine.drivers"), "_REGISTRY", {})
    scenarios = [s for drivers in registry.values() for s in drivers.values()]
    print(json.dumps({"listed": sorted(listed), "read": read,
                      "scenarios": sorted(getattr(s, "name", "?") for s in scenarios),
                      "judges": sum(1 for s in scenarios if getattr(s, "judge_fn", None) is not None),
                      "modules": sorted(m for m in sys.modules if m.startswith("grader."))}))


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
