"""`mpkit watch`: grade the exercise being worked on each time one of its files is saved, move
on to the next unfinished one when it passes, stop cleanly on Ctrl-C.

Saves are seen by polling the files' modification times and sizes every `interval` seconds:
portable (no inotify, FSEvents or ReadDirectoryChangesW to abstract over) and cheap for a
folder of a few files.
"""
import os
import sys
import time

from grader.course import manifest
from grader.engine import system
from grader.messages import text
from grader.reports import terminal
from grader.reports.text import exercise_title
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


def wait_for_change(folder, interval, before):
    while True:
        time.sleep(interval)
        now = snapshot(folder)
        if now != before:
            return now


def grade_one(submission, exercise, jobs=None):
    """Grade one exercise, show its report, note the result: (passed, its files' snapshot)."""
    verdicts = grade_for_a_person(submission, [exercise], [system.default_start_method()], jobs=jobs,
                                  next_step=False)  # watch says what comes next
    return all(v.passed for v in verdicts), snapshot(os.path.join(submission, exercise.folder))


def watch(submission, interval=0.3, jobs=None):
    exercises = manifest.load()
    current = progress.first_unfinished(progress.load(submission), exercises)
    try:
        while current is not None:
            folder = os.path.join(submission, current.folder)
            terminal.write_lines([(text("watch_start", path=folder, folder=current.folder,
                                        title=exercise_title(current)), "bold cyan")])
            passed, seen = grade_one(submission, current, jobs)
            while not passed:
                terminal.write_lines([(text("watch_waiting", file=os.path.join(folder, current.filename)), "dim")])
                seen = wait_for_change(folder, interval, seen)
                passed, seen = grade_one(submission, current, jobs)
            terminal.write_lines([(text("watch_passed", folder=current.folder), "bold green"), ("", "")])
            data = progress.load(submission)
            current = (progress.first_unfinished(data, exercises, after=current)
                       or progress.first_unfinished(data, exercises))
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
