"""Self-contained HTML reports: `mpkit grade --html FILE`, one page per student and a class
index for `grade-batch --feedback`, and the timeline fragment a notebook shows inline.

Everything is inline (the stylesheet in package data, the timelines as SVG, no script, no
network): the file opens offline with a double click. Every piece of text from a student's
run is escaped.
"""
from html import escape
from urllib.parse import unquote
from importlib import resources

from grader.messages import current_language, text
from grader.reports.results import results_json, status_name
from grader.reports.text import exercise_title
from grader.reports.timeline import Axis, lane_label, lane_status

LABEL_W, PLOT_W, STATUS_W = 190, 620, 150
LANE_H, TOP, AXIS_H = 46, 8, 44
MARK_GAP = 13  # marks closer than this are drawn side by side
KINDS = ("start", "joined", "call", "returned", "lock", "release", "lock_wait", "put", "get",
         "send", "recv", "eof", "raised", "terminate", "print", "print_nolock")
SYMBOL = {"start": "S", "joined": "J", "call": "C", "returned": "R", "lock": "L", "release": "U",
          "lock_wait": "w", "put": "+", "get": "-", "send": ">", "recv": "<", "eof": "E",
          "raised": "!", "terminate": "T", "print": "o", "print_nolock": "*"}


def _css(*names):
    folder = resources.files("grader.reports")
    return "".join(folder.joinpath(name).read_text(encoding="utf-8") for name in names)


def page(title, body):
    return ("<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>%s</title><style>%s</style></head>\n<body>\n%s\n</body></html>\n"
            % (current_language(), escape(title), _css("report.css", "timeline.css"), body))


def report(verdicts, exercises, submission, heading=None):
    """The whole page of one grading run (one submission)."""
    return page(text("html_title", submission=submission), report_body(verdicts, exercises, submission, heading))


def report_body(verdicts, exercises, submission, heading=None, notes=()):
    total = results_json(verdicts)
    parts = ["<h1>%s</h1>" % escape(heading or text("html_title", submission=submission)),
             "<p class=\"score\">%s</p>" % escape(text("html_score", score=_num(total["score"]),
                                                      max_score=_num(total["max_score"])))]
    if notes:
        parts.append("<ul class=\"notes\">%s</ul>" % "".join("<li>%s</li>" % escape(n) for n in notes))
    for exercise in exercises:
        own = [v for v in verdicts if v.exercise == exercise.folder]
        if own:
            parts.append(_exercise(exercise, own, notes))
    return "\n".join(parts)


def student_page(student, verdicts, exercises, notes=()):
    """One student's page of a class (grade-batch --feedback)."""
    heading = text("feedback_title", student=student)
    return page(heading, report_body(verdicts, exercises, student, heading, notes))


def class_index(records, exercises, link_of):
    """The class's page: the pass rate of each test among the graded students, and the
    students sorted by total (highest first), each linked to its page (`link_of(student)`)."""
    graded = [rec for rec in records.values() if rec["graded"]]
    tests = {}
    for rec in graded:
        for test in rec["tests"]:
            key = (test["exercise"], test["name"])
            counts = tests.setdefault(key, [0, 0])
            counts[0] += test["status"] == "passed"
            counts[1] += 1
    order = {e.folder: i for i, e in enumerate(exercises)}
    rows = "".join("<tr><td>%s</td><td>%s</td><td>%d/%d</td><td class=\"rate\">%.0f%%</td></tr>" % (
        escape(ex), escape(name), ok, of, 100.0 * ok / of)
        for (ex, name), (ok, of) in sorted(tests.items(), key=lambda item: (order.get(item[0][0], 99),))
        if of)
    totals = sorted(records.values(), key=lambda rec: (-_total(rec), rec["student"]))
    students = "".join("<tr><td>%s</td><td>%s</td><td><a href=\"%s\">%s</a></td></tr>" % (
        escape(rec["student"]), _num(_total(rec)) if rec["graded"] else escape(text("html_index_not_graded")),
        escape(link_of(rec["student"])), escape(unquote(link_of(rec["student"])))) for rec in totals)
    body = ("<h1>%s</h1><h2>%s</h2><table class=\"class-index\"><tr>%s</tr>%s</table>"
            "<h2>%s</h2><table class=\"class-index\"><tr>%s</tr>%s</table>" % (
                escape(text("html_index_title")), escape(text("html_index_tests")),
                _head("html_index_test_columns"), rows, escape(text("html_index_students")),
                _head("html_index_student_columns"), students))
    return page(text("html_index_title"), body)


def _total(rec):
    return sum(t["score"] for t in rec["tests"])


def _head(key):
    return "".join("<th>%s</th>" % escape(c) for c in text(key).split("|"))


def _exercise(exercise, own, notes=()):
    score, top = sum(v.score for v in own), sum(v.max_score for v in own)
    rows = "".join("<tr class=\"%s\"><td>%s%s</td><td>%s</td><td><span class=\"status\">%s</span></td>"
                   "<td>%s/%s</td></tr>" % (
                       "passed" if v.passed else "failed", escape(v.name),
                       escape(text("hidden_tag")) if v.hidden else "", escape(v.start_method),
                       escape(status_name(v.status)), _num(v.score), _num(v.max_score)) for v in own)
    head = _head("html_columns")
    details = "".join(_failure(v) for v in own if not v.passed and v.message not in notes)  # notes said it
    return ("<section class=\"exercise\"><h2>%s %s <small>%s/%s</small></h2>"
            "<table class=\"verdicts\"><tr>%s</tr>%s</table>%s</section>"
            % (escape(exercise.folder), escape(exercise_title(exercise)), _num(score), _num(top), head, rows, details))


def _failure(verdict):
    opened = "" if verdict.status == "not_implemented" else " open"  # a stub's says nothing new
    parts = ["<details class=\"failure\"%s><summary>%s [%s]: %s</summary>" % (
        opened, escape(verdict.name), escape(verdict.start_method), escape(status_name(verdict.status))),
        "<pre class=\"message\">%s</pre>" % escape(verdict.message)]
    if verdict.output.strip():
        parts.append("<p>%s</p><pre class=\"output\">%s</pre>" % (
            escape(text("feedback_output")), escape(verdict.output.rstrip())))
    parts.append(timeline_block(verdict.timeline))
    parts.append("</details>")
    return "".join(parts)


def timeline_fragment(verdict):
    """The timeline of one test's verdict as an HTML fragment with its own style, for a
    notebook to show inline (IPython.display.HTML); '' when the verdict has none (a passed
    test, or one whose scenario recorded nothing)."""
    if not getattr(verdict, "timeline", None):
        return ""
    return "<div class=\"mpkit\"><style>%s</style>%s</div>" % (_css("timeline.css"), timeline_block(verdict.timeline))


def timeline_block(model):
    """A heading, the SVG and its legend; a sentence when there is no timeline."""
    try:
        svg, used = timeline_svg(model)
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):  # none, or a record's garbled one
        return "<p class=\"no-timeline\">%s</p>" % escape(text("html_timeline_none"))
    legend = "".join("<li><span class=\"sym mark-%s\">%s</span> %s</li>" % (
        kind, escape(SYMBOL[kind]), escape(text("tl_sym_" + kind))) for kind in KINDS if kind in used)
    legend += "<li><span class=\"swatch wait\"></span> %s</li>" % escape(text("tl_sym_wait"))
    if model.get("stopped"):
        legend += "<li><span class=\"swatch blocked\"></span> %s</li>" % escape(text("tl_sym_blocked"))
    if any(lane.get("busy") for lane in model["lanes"]):
        legend += "<li><span class=\"swatch busy\"></span> %s</li>" % escape(text("tl_sym_busy"))
    return ("<div class=\"timeline\"><h3>%s</h3>%s<ul class=\"legend\">%s</ul></div>"
            % (escape(text("html_timeline")), svg, legend))


def timeline_svg(model):
    """(the SVG of a timeline, the mark kinds it shows)."""
    lanes = model["lanes"]
    if not lanes:
        raise ValueError("a timeline without lanes")
    axis = Axis(model, PLOT_W)
    height = TOP + LANE_H * len(lanes) + AXIS_H
    width = LABEL_W + PLOT_W + STATUS_W
    used = set()
    body = [_lane(lane, TOP + LANE_H * index, axis, used) for index, lane in enumerate(lanes)]
    body.append(_axis(model, axis, TOP + LANE_H * len(lanes)))
    svg = ("<svg class=\"timeline-svg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
           "viewBox=\"0 0 %d %d\" role=\"img\">"
           "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
           "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f6c9c9\"/>"
           "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#c0392b\" stroke-width=\"2\"/></pattern></defs>"
           "%s</svg>" % (width, height, width, height, "".join(body)))
    return svg, used


def _x(axis, t):
    return LABEL_W + axis(t)


def _lane(lane, y, axis, used):
    mid = y + 14
    label = text("tl_lane", label=lane_label(lane), pid=lane["pid"])
    end = lane["end"] if lane["end"] is not None else axis.times[-1]
    x0, x1 = _x(axis, lane["begin"]), _x(axis, end)
    parts = ["<g class=\"lane\" data-pid=\"%d\">" % lane["pid"],
             "<text class=\"lane-label\" x=\"4\" y=\"%d\">%s</text>" % (mid + 4, escape(label[:30])),
             "<line class=\"track\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>" % (LABEL_W, mid, LABEL_W + PLOT_W, mid),
             "<rect class=\"life\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"8\"/>" % (
                 x0, mid - 4, max(1.0, x1 - x0))]
    for since, until, what, still in lane["waits"]:
        a, b = _x(axis, since), _x(axis, until)
        words = text("tl_wait_" + what)
        if still:
            words = text("tl_wait_open", wait=words)
        parts.append("<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\"><title>%s</title></rect>"
                     % ("blocked" if still else "wait", a, mid - 8, max(1.5, b - a),
                        escape("%s: %s" % (_ms(since, until), words))))
    if lane.get("busy"):
        a, b = _x(axis, lane["busy"][0]), _x(axis, lane["busy"][1])
        parts.append("<rect class=\"busy\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\"><title>%s</title></rect>"
                     % (a, mid - 8, max(1.5, b - a), escape("%s: %s" % (_ms(*lane["busy"]), text("tl_sym_busy")))))
    last = -MARK_GAP
    for t, kind, detail in lane["marks"]:
        kind, words = _words(kind, detail)
        used.add(kind)
        if kind.startswith("print"):
            a, b = _x(axis, t), _x(axis, detail.get("until", t))
            parts.append("<rect class=\"print-span%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"4\"/>"
                         % (" nolock" if kind == "print_nolock" else "", a, mid + 7, max(2.0, b - a)))
        x = last = min(max(_x(axis, t), last + MARK_GAP), LABEL_W + PLOT_W + 4.0)
        parts.append("<g class=\"mark mark-%s\" transform=\"translate(%.1f,%d)\"><circle r=\"7\"/>"
                     "<text y=\"4\">%s</text><title>%s</title></g>" % (
                         kind, x, mid, escape(SYMBOL[kind]), escape("%s: %s" % (_ms(t), words))))
    parts.append("<text class=\"lane-status\" x=\"%d\" y=\"%d\">%s</text>" % (
        LABEL_W + PLOT_W + 10, mid + 4, escape(lane_status(lane))))
    if lane.get("blocked"):
        parts.append("<text class=\"blocked-line\" x=\"%d\" y=\"%d\">%s</text>" % (
            LABEL_W, mid + 24, escape(text("tl_lane_end_running" if lane.get("running") else "tl_lane_end_blocked",
                                           line=lane["blocked"])[:140])))
    parts.append("</g>")
    return "".join(parts)


def _words(kind, detail):
    if kind == "print":
        line = repr(detail.get("text", ""))
        if not detail.get("locks"):
            return "print_nolock", text("tl_mark_print_nolock", text=line)
        return kind, text("tl_mark_print", text=line, locks=", ".join(detail["locks"]))
    return kind, text("tl_mark_" + kind, detail="" if detail is None else detail)


def _axis(model, axis, y):
    parts = ["<g class=\"axis\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>" % (
        LABEL_W, y + 6, LABEL_W + PLOT_W, y + 6),
        "<text x=\"%d\" y=\"%d\">0</text>" % (LABEL_W, y + 22),
        "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>" % (
            LABEL_W + PLOT_W, y + 22, escape(text("html_ms", ms="%.0f" % (model["end"] * 1000))))]
    for position, seconds in axis.breaks():
        x = LABEL_W + position
        parts.append("<g class=\"break\"><path d=\"M%.1f %d l4 -6 l4 6\"/><text x=\"%.1f\" y=\"%d\" "
                     "text-anchor=\"middle\">%s</text></g>" % (
                         x - 4, y + 9, x, y + 36, escape(text("html_skipped", seconds="%.1f" % seconds))))
    parts.append("</g>")
    return "".join(parts)


def _ms(since, until=None):
    if until is None:
        return "%.1f ms" % (since * 1000)
    return "%.1f-%.1f ms" % (since * 1000, until * 1000)


def _num(value):
    return ("%g" % value) if isinstance(value, float) else str(value)
