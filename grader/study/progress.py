"""A student's progress, kept in `<exercises>/.mpkit/progress.json`: a small JSON file that
says, per exercise, what the last grading found and how many hints were shown.

It lives inside the graded folder, so grading another folder (the solutions, a classmate's)
never touches it. A file that is not ours is refused by name, never overwritten.
"""
import json
import os
import sys

from grader.engine import safe_files
from grader.judging.outcomes import NOT_IMPLEMENTED
from grader.messages import text

FOLDER, FILE = ".mpkit", "progress.json"
MAX_BYTES = 1024 * 1024
FORMAT = "mpkit-progress"
VERSION = 1
DONE, IN_PROGRESS, NOT_STARTED = "done", "in_progress", "not_started"
STATUS_KEYS = {DONE: "status_done", IN_PROGRESS: "status_in_progress", NOT_STARTED: "status_not_started"}


class ProgressError(Exception):
    """The progress file is damaged or not mpkit's; the message names it and says what to do."""


def path_of(submission):
    return os.path.join(submission, FOLDER, FILE)


def load(submission):
    """The progress of `submission` (an empty one when there is no file yet)."""
    path = path_of(submission)
    try:  # never through a link: .mpkit is in the student's folder
        data = json.loads(safe_files.read(path, MAX_BYTES, beneath=submission)[0])
    except (FileNotFoundError, safe_files.Refused):  # a link is never read; save() says so
        return {"format": FORMAT, "version": VERSION, "exercises": {}}
    except (OSError, ValueError, RecursionError) as exc:  # nested past what json can read
        raise ProgressError(text("progress_unreadable", path=path, detail=_detail(exc)))
    if not (isinstance(data, dict) and data.get("format") == FORMAT
            and data.get("version") == VERSION and isinstance(data.get("exercises"), dict)
            and all(isinstance(v, dict) for v in data["exercises"].values())):
        raise ProgressError(text("progress_unreadable", path=path,
                                 detail="format %r, version %r" % (
                                     _get(data, "format"), _get(data, "version"))))
    return data


def _get(data, key):
    return data.get(key) if isinstance(data, dict) else None


def _detail(exc):
    return getattr(exc, "strerror", None) or str(exc)


def save(submission, data):
    """Write the file atomically; a folder that cannot be written costs a warning, not the run."""
    path = path_of(submission)
    body = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    try:  # never through a link: a .mpkit link would make the grader write where it points
        safe_files.write(submission, FOLDER + "/" + FILE, body.encode("utf-8"))
    except OSError as exc:
        sys.stderr.write("mpkit: %s\n" % text("progress_unwritable", path=path, detail=_detail(exc)))


def entry(data, folder):
    return data["exercises"].setdefault(folder, {})


def status(data, folder):
    value = data["exercises"].get(folder, {}).get("status")
    return value if value in STATUS_KEYS else NOT_STARTED


def hints_seen(data, folder):
    value = data["exercises"].get(folder, {}).get("hints_seen", 0)
    return value if isinstance(value, int) and value >= 0 else 0


def status_of(verdicts):
    if all(v.passed for v in verdicts):
        return DONE
    if all(v.status == NOT_IMPLEMENTED for v in verdicts):
        return NOT_STARTED
    return IN_PROGRESS


def record(submission, exercises, verdicts):
    """Note what grading `verdicts` found, exercise by exercise; returns the progress."""
    data = load(submission)
    for exercise in exercises:
        own = [v for v in verdicts if v.exercise == exercise.folder]
        if own:
            entry(data, exercise.folder).update(
                status=status_of(own), score=sum(v.score for v in own),
                max_score=sum(v.max_score for v in own))
    save(submission, data)
    return data


def first_unfinished(data, exercises, after=None):
    """The first exercise not done (after `after`, if given), or None."""
    start = exercises.index(after) + 1 if after is not None else 0
    for exercise in exercises[start:]:
        if status(data, exercise.folder) != DONE:
            return exercise
    return None
