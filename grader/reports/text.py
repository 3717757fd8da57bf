"""The text report of a grading run, for a person at a terminal."""
import os

from grader.messages import text
from grader.reports.results import results_json

def _indent(block, prefix="      "):
    return "\n".join(prefix + line if line else line for line in block.splitlines())


def as_text(verdicts, exercises, submission):
    lines = []
    methods = sorted({v.start_method for v in verdicts})
    for exercise in exercises:
        own = [v for v in verdicts if v.exercise == exercise.folder]
        if not own:
            continue
        score, top = sum(v.score for v in own), sum(v.max_score for v in own)
        lines.append("%s  %s  %s/%s" % (exercise.folder, exercise.title, _num(score), _num(top)))
        for verdict in own:
            method = " [%s]" % verdict.start_method if len(methods) > 1 else ""
            tag = text("hidden_tag") if verdict.hidden else ""
            lines.append("  %s %s%s%s: %s" % ("ok  " if verdict.passed else "FAIL", verdict.name,
                                               method, tag, verdict.status))
            if not verdict.passed:
                lines.append(_indent(verdict.message))
                if verdict.output.strip():
                    lines.append("      output:")
                    lines.append(_indent(verdict.output.rstrip(), "        "))
    total = results_json(verdicts)
    lines.append("")
    lines.append("Score: %s/%s" % (_num(total["score"]), _num(total["max_score"])))
    lines.append(_next_step(verdicts, exercises, submission))
    return "\n".join(lines) + "\n"


def _next_step(verdicts, exercises, submission):
    for exercise in exercises:
        own = [v for v in verdicts if v.exercise == exercise.folder]
        if own and not all(v.passed for v in own):
            readme = os.path.join(submission, exercise.folder, "README.md")
            if all(v.status == "not_implemented" for v in own) and exercise is exercises[0]:
                return text("start_here", readme=readme,
                            module=os.path.join(submission, exercise.folder, exercise.filename))
            return text("next_up", folder=exercise.folder, title=exercise.title, readme=readme)
    return text("all_done")


def _num(value):
    return ("%g" % value) if isinstance(value, float) else str(value)

