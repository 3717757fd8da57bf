"""Grading for a person: a progress bar while it runs, the result noted in the progress file,
the text report at the end. Shared by `mpkit grade` (text) and `mpkit watch`."""
import sys

from grader.grading import grade
from grader.messages import text
from grader.reports import terminal, text as text_report
from grader.study import progress


def grade_for_a_person(submission, exercises, methods, jobs=None, write=True, next_step=True):
    """Grade, note the result for `mpkit list`, and (with `write`) show the report; the
    verdicts. Without `next_step` the report leaves its last line (the next step) out."""
    planned = sum(len(e.scenarios()) for e in exercises) * len(methods)
    with terminal.Progress(planned, text("grading_progress")) as bar:
        verdicts = grade(submission, exercises, methods, jobs=jobs, on_verdict=bar.advance)
    try:
        progress.record(submission, exercises, verdicts)
    except progress.ProgressError as exc:  # the grades stand; the file is left as it is
        sys.stderr.write("mpkit: %s\n" % exc)
    if write:
        columns = terminal.width()  # the timelines fit in it, every line is broken to it
        lines = text_report.lines(verdicts, exercises, submission, columns)
        terminal.write_lines(lines if next_step else lines[:-1], columns=columns)
    return verdicts
