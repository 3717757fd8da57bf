"""The text report of a grading run, for a person at a terminal.

It fits a fresh student's screen: an exercise not started (every test still a stub) or fully
passed is one line; the first unfinished exercise, and any other one the student has begun, is
shown in full; the next step is the last line. `lines` gives (text, style) pairs that
`grader.reports.terminal` colours at a terminal; `as_text` is the same without colour. What a
scenario wrote (messages, output, process names) is shown with its control characters escaped:
no escape sequence of a student's reaches a terminal, in colour or plain, or a file.
"""
import os

from rich.cells import cell_len, set_cell_size

from grader.judging.outcomes import NOT_IMPLEMENTED
from grader.messages import current_language, text
from grader.reports import wrap
from grader.reports.escapes import shown
from grader.reports.results import results_json, status_name
from grader.reports.timeline import Axis, lane_label, lane_status

WIDTH = 100  # columns of a report written to a file or a pipe
LABEL = 24  # display cells, at the most, of a lane's label and of its status
STATUS = 9
NARROWEST_BAR = 20  # a timeline's bar narrower than this shows nothing: a sentence replaces it
INDENT = "      "  # of a test's message, and of its timeline
# mark kind -> symbol; a column shows the mark that comes first here
SYMBOLS = (("raised", "!"), ("print_nolock", "*"), ("lock_wait", "w"), ("start", "S"),
           ("joined", "J"), ("terminate", "T"), ("lock", "L"), ("release", "U"), ("put", "+"),
           ("get", "-"), ("send", ">"), ("recv", "<"), ("eof", "E"), ("call", "C"),
           ("returned", "R"), ("print", "o"))
PRIORITY = {kind: index for index, (kind, _) in enumerate(SYMBOLS)}
WAIT, BLOCKED, IDLE, BREAK, BUSY = "~", "#", ".", "/", "="

KIT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # a checkout's top
NOT_STARTED_LISTED = 3  # exercises not started listed after the first unfinished one, one line each

# the styles `grader.reports.terminal` knows (rich's style names)
HEADER, OK, FAIL, MESSAGE, OUTPUT, NOTE, NEXT = ("bold", "green", "bold red", "", "dim",
                                                 "yellow", "bold cyan")


def _indent(block, prefix=INDENT):
    return "\n".join(prefix + line if line else line for line in block.splitlines())


def as_text(verdicts, exercises, submission, columns=None):
    """The report as text; with `columns`, its lines broken between words to that width."""
    return "".join(wrap.fit(line, columns) + "\n" for line, _ in lines(verdicts, exercises, submission, columns))


def lines(verdicts, exercises, submission, columns=None):
    """The report as (text, style) pairs, one per line (a message may span several); its
    timelines fit in `columns` (default WIDTH), its other lines are for the writer to break."""
    out = []
    methods = sorted({v.start_method for v in verdicts})
    focus = _focus(verdicts, exercises)
    later = []  # exercises not started after the focus beyond the first few: one line for all
    for exercise in exercises:
        own = [v for v in verdicts if v.exercise == exercise.folder]
        if not own:
            continue
        score, top = sum(v.score for v in own), sum(v.max_score for v in own)
        header = "%s  %s  %s/%s" % (exercise.folder, exercise_title(exercise), _num(score), _num(top))
        count = len({v.name for v in own})
        if all(v.passed for v in own):
            out.append(("%s  %s" % (header, text("exercise_passed", count=count)), OK))
        elif exercise is not focus and all(v.status == NOT_IMPLEMENTED for v in own):
            if focus is not None and exercises.index(exercise) > exercises.index(focus) + NOT_STARTED_LISTED:
                later.append(exercise)
            else:
                out.append(("%s  %s" % (header, text("exercise_not_started", count=count)), NOTE))
        else:
            out.append((header, HEADER))
            # an exercise graded under its own start methods shows them whatever was asked
            out += _tests(own, len(methods) > 1 or bool(getattr(exercise, "start_methods", None)),
                          (columns or WIDTH) - len(INDENT))
    if later:
        out.append((text("exercises_later", count=len(later), first=later[0].folder,
                         last=later[-1].folder), NOTE))
    total = results_json(verdicts)
    out.append(("", ""))
    out.append((text("score_line", score=_num(total["score"]), max_score=_num(total["max_score"])), HEADER))
    out.append((next_step(verdicts, exercises, submission), NEXT))
    return [(shown(line), style) for line, style in out]


def _tests(own, several_methods, timeline_width):
    out = []
    for verdict in own:
        method = " [%s]" % verdict.start_method if several_methods else ""
        tag = text("hidden_tag") if verdict.hidden else ""
        out.append(("  %s %s%s%s: %s" % (text("test_ok") if verdict.passed else text("test_fail"),
                                         verdict.name, method, tag, status_name(verdict.status)),
                    OK if verdict.passed else FAIL))
        if not verdict.passed:
            out.append((_indent(verdict.message), MESSAGE))
            if verdict.status in ("deadlock", "timeout") and verdict.timeline:
                out.append((_indent(timeline_text(verdict.timeline, timeline_width)), MESSAGE))
            if verdict.output.strip():
                out.append(("      " + text("output_label"), OUTPUT))
                out.append((_indent(verdict.output.rstrip(), "        "), OUTPUT))
    return out


def _focus(verdicts, exercises):
    """The first exercise graded here that has not passed every test, or None."""
    for exercise in exercises:
        own = [v for v in verdicts if v.exercise == exercise.folder]
        if own and not all(v.passed for v in own):
            return exercise
    return None


def exercise_title(exercise):
    """The exercise's title in the current language."""
    return (exercise.title_zh if current_language() == "zh" else "") or exercise.title


def readme_of(folder, lang=None):
    """The statement of an exercise folder in the current language, if it has one, else English."""
    if (lang or current_language()) == "zh" and os.path.isfile(os.path.join(folder, "README.zh.md")):
        return os.path.join(folder, "README.zh.md")
    return os.path.join(folder, "README.md")


def statement_of(exercise, submission):
    """The statement of `exercise` that is really there: in the graded folder, else in
    ./exercises (a student's copy of the kit), else in the checkout this grader runs from;
    None when none has it (a graded folder of statements of its own, a grader installed alone)."""
    for folder in (submission, "exercises", os.path.join(KIT, "exercises")):
        path = readme_of(os.path.join(folder, exercise.folder))
        if os.path.isfile(path):
            return path
    return None


def next_step(verdicts, exercises, submission):
    exercise = _focus(verdicts, exercises)
    if exercise is None:
        return text("all_done")
    own = [v for v in verdicts if v.exercise == exercise.folder]
    readme = statement_of(exercise, submission)
    if all(v.status == NOT_IMPLEMENTED for v in own) and exercise is exercises[0]:
        module = os.path.join(submission, exercise.folder, exercise.filename)
        if readme is None:
            return text("start_here_show", name=exercise.topic, module=module)
        return text("start_here", readme=readme, module=module)
    if readme is None:
        return text("next_up_show", folder=exercise.folder, title=exercise_title(exercise), name=exercise.topic)
    return text("next_up", folder=exercise.folder, title=exercise_title(exercise), readme=readme)


def _num(value):
    return ("%g" % value) if isinstance(value, float) else str(value)


def timeline_text(model, width=WIDTH):
    """A compact timeline: one line per process, within `width` display cells, and a legend;
    a sentence instead when `width` leaves too little room for the bars."""
    labels = [text("tl_lane", label=lane_label(lane), pid=lane["pid"]) for lane in model["lanes"]]
    statuses = [lane_status(lane) for lane in model["lanes"]]
    label_w = min(LABEL, max(map(cell_len, labels), default=0))
    status_w = min(STATUS, max(map(cell_len, statuses), default=0))
    bar = width - label_w - status_w - 4
    if bar < NARROWEST_BAR:
        return "\n".join(wrap.fit_line(text("tl_too_narrow", columns=width + len(INDENT)), width)) + "\n"
    axis = Axis(model, bar)
    used = set()
    rows = ["%s |%s| %s" % (_cells(label, label_w), _bar(lane, axis, bar, used), _cells(status, status_w).rstrip())
            for lane, label, status in zip(model["lanes"], labels, statuses)]
    skipped = text("tl_skipped") if axis.breaks() else ""
    head = text("tl_header", span=_span(model["end"]), skipped=skipped)
    legend = [text("tl_legend")]
    for kind, symbol in SYMBOLS + (("wait", WAIT), ("blocked", BLOCKED), ("busy", BUSY)):
        if symbol in used:
            legend.append("%s %s," % (symbol, text("tl_sym_" + kind)))
    legend[-1] = legend[-1].rstrip(",")
    return "\n".join([head] + rows + wrap.fit_line(" ".join(legend), width)) + "\n"


def _cells(label, width):
    """`label` in exactly `width` display cells: padded, or cut with a '~' where it is cut."""
    if cell_len(label) <= width:
        return set_cell_size(label, width)
    return set_cell_size(label, width - 1) + "~"


def _bar(lane, axis, bar, used):
    cells = [" "] * bar
    column = lambda t: min(bar - 1, int(axis(t)))  # noqa: E731
    end = lane["end"] if lane["end"] is not None else axis.times[-1]
    for c in range(column(lane["begin"]), column(end) + 1):
        cells[c] = IDLE
    for since, until, _, still in lane["waits"]:
        for c in range(column(since), column(until) + 1):
            cells[c] = BLOCKED if still else WAIT
    if lane.get("busy"):
        for c in range(column(lane["busy"][0]), column(lane["busy"][1]) + 1):
            cells[c] = BUSY
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
    return "".join(cells)


def _span(seconds):
    return "%.0f ms" % (seconds * 1000) if seconds < 2 else "%.1f s" % seconds

