"""Gradescope's results.json: one test per verdict, hidden tests shown once grades are published.

The fields are Gradescope's autograder specification (top level `score`, `execution_time`,
`output`, `stdout_visibility`, `tests`; per test `name`, `number`, `score`, `max_score`,
`status`, `output`, `visibility`). Nothing at the top level names a hidden test.
"""
import json

from grader.messages import text
from grader.reports.results import status_name

VISIBLE, AFTER_PUBLISHED, HIDDEN = "visible", "after_published", "hidden"


def test_output(verdict):
    """The verdict and its message, as one test's output (shared by the other reports)."""
    if not verdict.message:
        return status_name(verdict.status)
    return text("test_output", status=status_name(verdict.status), message=verdict.message)


def results(verdicts, exercises, execution_time=0.0, notes=()):
    """The results object; `exercises` (the manifest's, in order) number the tests "2.3"."""
    order = {e.folder: index for index, e in enumerate(exercises, 1)}
    several_methods = len({v.start_method for v in verdicts}) > 1
    counters, tests = {}, []
    for verdict in verdicts:
        counters[verdict.exercise] = counters.get(verdict.exercise, 0) + 1
        name = "%s %s" % (verdict.exercise, verdict.name)
        if several_methods:
            name += " [%s]" % verdict.start_method
        tests.append({
            "name": name,
            "number": "%d.%d" % (order.get(verdict.exercise, 0), counters[verdict.exercise]),
            "score": verdict.score,
            "max_score": verdict.max_score,
            "status": "passed" if verdict.passed else "failed",
            "output": test_output(verdict),
            "visibility": AFTER_PUBLISHED if verdict.hidden else VISIBLE,
            "extra_data": {"verdict": verdict.status, "start_method": verdict.start_method},
        })
    return {
        "score": sum(v.score for v in verdicts),
        "execution_time": int(round(execution_time)),
        "output": "\n".join(list(notes) + summary(verdicts)),
        "stdout_visibility": HIDDEN,
        "tests": tests,
    }


def summary(verdicts):
    """The visible tests' count and points, and what is still hidden: how many tests and how
    many of the points the score counts (never their names or results), so that a total
    that differs from the visible points once grades are published is no surprise."""
    visible = [v for v in verdicts if not v.hidden]
    hidden = [v for v in verdicts if v.hidden]
    lines = [text("gradescope_summary", passed=sum(v.passed for v in visible), visible=len(visible),
                  score=sum(v.score for v in visible), points=sum(v.max_score for v in visible))]
    if hidden:
        lines.append(text("gradescope_hidden", count=len(hidden), hidden_points=sum(v.max_score for v in hidden),
                          total=sum(v.max_score for v in verdicts)))
    return lines


def failure(message):
    """The results of a submission that could not be graded at all: score 0 and why."""
    return {"score": 0, "execution_time": 0, "output": message, "stdout_visibility": HIDDEN,
            "tests": []}


def as_json(data):
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
