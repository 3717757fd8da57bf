"""`mpkit watch`: grade the exercise being edited each time one of its files is saved, move on
to the next unfinished one when it passes, stop cleanly on Ctrl-C.

Saves are seen by polling the exercise folders' Python files (modification time and size)
every `interval` seconds: portable (no inotify, FSEvents or ReadDirectoryChangesW to abstract
over) and cheap for a few folders of a few files.
"""
import os
import sys
import time

from grader.course import manifest
from grader.engine import system
from grader.messages import text
from grader.reports import terminal
from grader.study import progress
from grader.study.session import grade_for_a_person

EXIT_OK = 0


def snapshot(folder):
    """What a save changes: each Python file's modification time and size."""
    seen = {}
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if name.endswith(".py"):
            try:
                info = os.stat(os.path.join(folder, name))
            except OSError:  # removed meanwhile: the next look sees it gone
                continue
            seen[name] = (info.st_mtime_ns, info.st_size)
    return seen


def snapshots(submission, exercises):
    return {e.folder: snapshot(os.path.join(submission, e.folder)) for e in exercises}


def wait_for_save(submission, exercises, interval, before):
    """The first exercise (in course order) whose files changed since `before`."""
    while True:
        time.sleep(interval)
        now = snapshots(submission, exercises)
        changed = [e for e in exercises if now[e.folder] != before[e.folder]]
        if changed:
            return changed[0]


def grade_one(submission, exercise, jobs=None):
    """Grade one exercise, show its report (watch says itself what comes next), note the
    result; whether it passed."""
    verdicts = grade_for_a_person(submission, [exercise], [system.default_start_method()], jobs=jobs,
                                  next_step=False)
    return all(v.passed for v in verdicts)


def _after(submission, exercises, current):
    data = progress.load(submission)
    return (progress.first_unfinished(data, exercises, after=current)
            or progress.first_unfinished(data, exercises))


def watch(submission, interval, jobs=None):
    exercises = manifest.load()
    current = progress.first_unfinished(progress.load(submission), exercises)
    try:
        terminal.write_lines([(text("watch_start", path=submission), "bold cyan")])
        while current is not None:
            seen = snapshots(submission, exercises)  # before grading: a save meanwhile counts
            if grade_one(submission, current, jobs):
                terminal.write_lines([(text("watch_passed", folder=current.folder), "bold green"), ("", "")])
                current = _after(submission, exercises, current)
                continue
            terminal.write_lines([(text("watch_waiting", file=os.path.join(
                submission, current.folder, current.filename)), "dim")])
            current = wait_for_save(submission, exercises, interval, seen)
        terminal.write_lines([(text("watch_all_done"), "bold green")])
    except KeyboardInterrupt:
        sys.stdout.write("\n")
        terminal.write_lines([(text("watch_stopped", path=progress.path_of(submission)), "")])
    return EXIT_OK


def cmd_watch(args):
    from grader.study.commands import StudyError, workspace

    if not args.interval > 0:
        raise StudyError("--interval: must be greater than 0, not %s" % args.interval)
    return watch(workspace(args), args.interval)
