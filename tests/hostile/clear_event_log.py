"""Hostile 01_process: at import, deletes every file of the grader's event log (its folder is
named in the environment, MPKIT_EVENTS_DIR; for safety only inside an mpkit-* scenario folder),
then exits with os._exit(3). Expected: error, the module stopped the interpreter at import;
never a verdict that blames the grading kit, which a student could use to claim the points."""
import os

_events = os.environ.get("MPKIT_EVENTS_DIR", "")
if os.path.basename(os.path.dirname(_events)).startswith("mpkit-"):
    for _name in os.listdir(_events):
        os.remove(os.path.join(_events, _name))
os._exit(3)


def greet(name):
    print("hello", name)
