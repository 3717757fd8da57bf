"""Graded scenarios: a *driver* that runs inside the scenario's runner (next to the student's
code) and returns plain observations, and a *judge* that runs in the grader and turns the
observations into a verdict. The judge never trusts the runner for the verdict itself.

A check module declares its scenarios in order::

    @scenario("collect_tutorial", points=1, call="collect([11, None, 'lily'])")
    def collect_tutorial(run):
        run.call("collect", [11, None, "lily"])

    @collect_tutorial.judge
    def _(obs):
        return obs.expect_return([11, None, "lily"])
"""

from grader.engine import drivers

# options that hold judge code, which the runner never needs nor sees (judging/handover.py)
JUDGE_OPTIONS = ("explain_stuck",)


class Scenario:
    def __init__(self, name, points, drive, call, hidden=False, gate=False, allow_unjoined=False,
                 expect_child_failure=False, deadlock_hint=None, child_exit=None, explain_stuck=None):
        self.name = name
        self.call = call
        self.points = points
        self.drive = drive
        self.hidden = hidden
        self.gate = gate
        self.allow_unjoined = allow_unjoined
        self.expect_child_failure = expect_child_failure
        self.deadlock_hint = deadlock_hint
        self.child_exit = child_exit  # the caller's children end with this exit code
        # (observations) -> a sentence on a deadlock, or None; or it raises Fail when the
        # program's own order of events shows a fault that hangs on some runs and not on others
        self.explain_stuck = explain_stuck
        self.judge_fn = None
        self.doc = (drive.__doc__ or "").strip()

    def judge(self, fn):
        self.judge_fn = fn
        return fn


def scenario(name, points, call, module=None, **options):
    """Declare a scenario; `call` is how messages name it, e.g. "collect([11, None, 'lily'])".
    It belongs to the check module that defines it, or to `module` when a helper makes it."""
    def register(drive):
        made = Scenario(name, points, drive, call, **options)
        drivers.register(module or drive.__module__, name, made)
        return made
    return register


def scenarios_of(checks_module):
    """The scenarios a check module declares, in order (imports the module)."""
    return drivers.registered(checks_module)
