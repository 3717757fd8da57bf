"""The versioned JSON results of a grading run (`mpkit grade --format json`), for programs."""
import json

RESULTS_VERSION = 1


def results_json(verdicts):
    """The versioned results object of `mpkit grade --format json`."""
    return {
        "version": RESULTS_VERSION,
        "score": sum(v.score for v in verdicts),
        "max_score": sum(v.max_score for v in verdicts),
        "tests": [v.to_json() for v in verdicts],
    }


def as_json(verdicts):
    return json.dumps(results_json(verdicts), ensure_ascii=False, indent=2) + "\n"
