"""Markdown: the table of verdicts (GitHub's job summary, `--format markdown`) and the feedback
file each student of a class gets from `mpkit grade-batch --feedback`.

What a student wrote stays text: a message or an output is fenced with one backtick more than
its longest run of backticks, a name or a note in running text has the characters that make
links, HTML or code spans escaped and no line break, a table cell no `|` and no line break;
control characters are shown escaped everywhere (grader.reports.escapes)."""
import re

from grader.messages import text
from grader.reports import escapes
from grader.reports.gradescope import test_output

INLINE_SPECIAL = re.compile(r"([\\`\[\]<>])")  # a link, an image, raw HTML, a code span


def _num(value):
    return "%g" % value


def _cell(value):
    return escapes.name(str(value)).replace("\\", "\\\\").replace("|", "\\|")


def _inline(value):
    """Text a student chose (a name, a note naming their files) within a line of Markdown."""
    return INLINE_SPECIAL.sub(r"\\\1", escapes.name(value))


def table(verdicts, exercises):
    columns = text("md_columns").split("|")
    lines = ["| %s |" % " | ".join(columns), "|%s|" % "|".join("---" for _ in columns)]
    several_methods = len({v.start_method for v in verdicts}) > 1
    for exercise in exercises:
        for verdict in (v for v in verdicts if v.exercise == exercise.folder):
            name = verdict.name + (" [%s]" % verdict.start_method if several_methods else "")
            name += text("hidden_tag") if verdict.hidden else ""
            lines.append("| %s |" % " | ".join(_cell(c) for c in (
                exercise.folder, name, verdict.status,
                "%s/%s" % (_num(verdict.score), _num(verdict.max_score)))))
    lines.append("")
    lines.append(text("md_total", score=_num(sum(v.score for v in verdicts)),
                      max_score=_num(sum(v.max_score for v in verdicts))))
    return "\n".join(lines) + "\n"


def _fenced(block):
    block = escapes.shown(block)
    longest = max((len(run) for run in re.findall("`+", block)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, block, fence, ""]


def feedback(student, verdicts, exercises, notes=()):
    lines = ["# " + text("feedback_title", student=_inline(student)), ""]
    lines += ["%s  " % _inline(note) for note in notes] + ([""] if notes else [])
    lines.append(table(verdicts, exercises))
    failed = [v for v in verdicts if not v.passed and v.message not in notes]  # notes said it once
    if failed:
        lines += ["## " + text("feedback_details"), ""]
    for verdict in failed:
        lines += ["### %s %s (%s)" % (verdict.exercise, verdict.name, verdict.start_method), ""]
        lines += _fenced(test_output(verdict))
        if verdict.output.strip():
            lines += [text("feedback_output"), ""] + _fenced(verdict.output.rstrip())
    return "\n".join(lines).rstrip("\n") + "\n"
