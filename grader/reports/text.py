"""The text report of a grading run, for a person at a terminal."""
import os

from grader.messages import text
from grader.reports.results import results_json
from grader.reports.timeline import Axis, lane_label, lane_status

WIDTH = 100
LABEL = 24
STATUS = 9
# mark kind -> symbol; a column shows the mark that comes first here
SYMBOLS = (("raised", "!"), ("print_nolock", "*"), ("lock_wait", "w"), ("start", "S"),
           ("joined", "J"), ("terminate", "T"), ("lock", "L"), ("release", "U"), ("put", "+"),
           ("get", "-"), ("send", ">"), ("recv", "<"), ("eof", "E"), ("call", "C"),
           ("returned", "R"), ("print", "o"))
PRIORITY = {kind: index for index, (kind, _) in enumerate(SYMBOLS)}
WAIT, BLOCKED, IDLE, BREAK = "~", "#", ".", "/"

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
                if verdict.status in ("deadlock", "timeout") and verdict.timeline:
                    lines.append(_indent(timeline_text(verdict.timeline, WIDTH - 6)))
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


def timeline_text(model, width=WIDTH):
    """A compact timeline: one line per process, within `width` columns, and a legend."""
    bar = width - LABEL - STATUS - 3
    axis = Axis(model, bar)
    used = set()
    rows = [_row(lane, axis, bar, used) for lane in model["lanes"]]
    skipped = text("tl_skipped") if axis.breaks() else ""
    head = text("tl_header", span=_span(model["end"]), skipped=skipped)
    legend = [text("tl_legend")]
    for kind, symbol in SYMBOLS + (("wait", WAIT), ("blocked", BLOCKED)):
        if symbol in used:
            legend.append("%s %s," % (symbol, text("tl_sym_" + kind)))
    legend[-1] = legend[-1].rstrip(",")
    return "\n".join([head] + rows + _wrap(" ".join(legend), width)) + "\n"


def _row(lane, axis, bar, used):
    cells = [" "] * bar
    column = lambda t: min(bar - 1, int(axis(t)))  # noqa: E731
    end = lane["end"] if lane["end"] is not None else axis.times[-1]
    for c in range(column(lane["begin"]), column(end) + 1):
        cells[c] = IDLE
    for since, until, _, still in lane["waits"]:
        for c in range(column(since), column(until) + 1):
            cells[c] = BLOCKED if still else WAIT
    for position, _ in axis.breaks():
        if cells[min(bar - 1, int(position))] != " ":
            cells[min(bar - 1, int(position))] = BREAK
    best = {}
    for t, kind, detail in lane["marks"]:
        if kind == "print" and not detail.get("locks"):
            kind = "print_nolock"
        c = column(t)
        c = next((n for n in (c, c + 1, c + 2) if n < bar and n not in best), c)  # room beside
        if c not in best or PRIORITY[kind] < PRIORITY[best[c]]:
            best[c] = kind
    for c, kind in best.items():
        cells[c] = dict(SYMBOLS)[kind]
    used.update(cells)
    label = text("tl_lane", label=lane_label(lane), pid=lane["pid"])
    if len(label) > LABEL:
        label = label[:LABEL - 1] + "~"
    return "%-*s|%s| %s" % (LABEL, label, "".join(cells), lane_status(lane)[:STATUS])


def _span(seconds):
    return "%.0f ms" % (seconds * 1000) if seconds < 2 else "%.1f s" % seconds


def _wrap(line, width):
    import textwrap

    return textwrap.wrap(line, width, subsequent_indent="  ")
