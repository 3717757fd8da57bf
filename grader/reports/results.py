"""The versioned JSON results of a grading run (`mpkit grade --format json`), for programs."""
import json

from grader.judging.outcomes import STATUSES
from grader.judging.verdict import JSON_FIELDS, Verdict
from grader.messages import text

RESULTS_VERSION = 1


def results_json(verdicts, shake=None):
    """The versioned results object of `mpkit grade --format json`. `shake` (a run with shaken
    schedules: its seed and the commands that reproduce what failed) is an added key, which
    readers of version 1 may ignore."""
    results = {
        "version": RESULTS_VERSION,
        "score": sum(v.score for v in verdicts),
        "max_score": sum(v.max_score for v in verdicts),
        "tests": [v.to_json() for v in verdicts],
    }
    if shake is not None:
        results["shake"] = shake
    return results


def status_name(status):
    """A verdict's status as a person reads it, in the current language (the JSON keeps the
    English status, for programs)."""
    return text("status_name_" + status) if status in STATUSES else status


def as_json(verdicts, shake=None):
    return json.dumps(results_json(verdicts, shake), ensure_ascii=False, indent=2) + "\n"


def verdicts_of(tests, hidden=()):
    """Verdicts back from the `tests` of results_json; `hidden` holds the (exercise, name) pairs
    of hidden tests, which the JSON does not carry (nor the timeline, which a ledger record
    keeps). Raises KeyError, TypeError or ValueError on anything else."""
    return [Verdict(**{name: test[name] for name in JSON_FIELDS if name != "score"},
                    hidden=(test["exercise"], test["name"]) in hidden,
                    timeline=test.get("timeline") if isinstance(test.get("timeline"), dict) else None)
            for test in tests]
