"""The timeline of one scenario: what each process did, when, from the observations.

``build`` turns a supervisor's report (its events, the timeline's own events and, for a
scenario stopped while it hung, where each process was blocked) into plain JSON data: one lane
per process with its marks (started a process, took a lock, put an item, printed a line...) and
its waiting stretches (in join, in acquire, in get, in recv), a stretch still open when the
scenario was stopped being where that process was blocked. ``Axis`` places times on a line of
a given width, squeezing long idle stretches so a deadlock's seconds of nothing do not crush
the milliseconds where everything happened. The text and HTML reports draw from these.
"""
import bisect

from grader.messages import text

VERSION = 1
MAX_LANES = 24
MAX_MARKS = 200  # per lane
MAX_WAITS = 200  # per lane, besides the waits still open at the end
MAX_DETAIL = 80
MAX_HELD = 26  # locks a write says it held

# event kind -> (kind of the wait it opens, the kind that closes it)
WAIT_OPENERS = {"join_begin": "join", "lock_wait": "lock", "get_wait": "get", "recv_wait": "recv"}
WAIT_CLOSERS = {"join_end": "join", "lock_acquired": "lock", "lock_gave_up": "lock", "get": "get",
                "recv": "recv"}


def build(report, blocked=None):
    """The timeline of a scenario from the supervisor's `report`; `blocked` is {pid: line} for
    a scenario stopped while it hung. None when the report holds no event."""
    events = sorted((report.get("events") or []) + (report.get("timeline") or []),
                    key=lambda e: e["t"])
    if not events:
        return None
    runner = (report.get("result") or {}).get("runner_pid", report.get("runner_pid"))
    blocked = {int(pid): line for pid, line in (blocked or {}).items()}
    pids = _lane_pids(events, runner, blocked)
    t0 = min(e["t"] for e in events if e["pid"] in pids)
    stopped = report.get("outcome") not in (None, "exited")
    last = max(e["t"] for e in events if e["pid"] in pids)
    end = max(last, report["stopped_at"]) if stopped and report.get("stopped_at") else last
    names, codes = {"lock": _Names(), "queue": _Names()}, _exit_codes(report)
    own = {pid: [] for pid in pids}
    for event in events:
        if event["pid"] in own:
            own[event["pid"]].append(event)
    lanes = [_lane(pid, own[pid], runner, t0, end - t0, stopped, blocked.get(pid), names, codes)
             for pid in pids]
    activity = (report.get("activity") or {}) if stopped else {}
    for lane in lanes:
        _busy(lane, activity.get(str(lane["pid"])), end - t0)
    return {"version": VERSION, "end": _r(end - t0), "stopped": stopped,
            "outcome": report.get("outcome"), "lanes": lanes}


def _lane_pids(events, runner, blocked):
    """The runner, then the processes that ran a target, in the order they began (helpers
    such as the resource tracker run no target and get no lane)."""
    begun = [e["pid"] for e in events if e["kind"] == "child_begin"]
    order = [runner] + [pid for pid in dict.fromkeys(begun) if pid != runner]
    order += [pid for pid in blocked if pid not in order]
    return order[:MAX_LANES]


def _exit_codes(report):
    codes = {}
    for record in (report.get("result") or {}).get("calls", []) or []:
        for proc in record.get("processes", []) or []:
            if isinstance(proc, dict) and proc.get("exitcode") is not None:
                codes[proc.get("pid")] = proc["exitcode"]
    return codes


class _Names:
    """Short names for locks and queues (A, B, ...) in the order they are first seen."""

    def __init__(self):
        self.names = {}

    def __call__(self, ident):
        if ident not in self.names:
            index = len(self.names)
            self.names[ident] = chr(ord("A") + index) if index < 26 else str(index + 1)
        return self.names[ident]


def _r(seconds):
    return round(seconds, 6)


def _lane(pid, own, runner, t0, end, stopped, blocked, names, codes):
    role = "caller" if pid == runner else "child"
    target = next((e.get("target") for e in own if e["kind"] == "child_begin"), "") or ""
    lane = {"pid": pid, "role": role, "target": str(target)[:MAX_DETAIL],
            "begin": _r(own[0]["t"] - t0) if own else 0.0, "end": None, "exitcode": None,
            "blocked": blocked, "marks": [], "waits": []}
    open_waits, line = {}, None
    for event in own:
        t, kind = _r(event["t"] - t0), event["kind"]
        closes = WAIT_CLOSERS.get(kind)
        if closes and closes in open_waits:
            since = open_waits.pop(closes)
            if len(lane["waits"]) < MAX_WAITS:
                lane["waits"].append([since, t, closes, False])
        if kind in WAIT_OPENERS:
            open_waits[WAIT_OPENERS[kind]] = t
        if kind == "write" and event.get("stream") == "stdout":
            line = _add_output(lane, line, t, event, names["lock"])
            continue
        mark = _mark(kind, event, names)
        if mark:
            _add(lane, [t, mark[0], mark[1]])
        if kind == "child_end":
            lane["end"], lane["exitcode"] = t, event.get("exitcode")
    if line:
        _add(lane, [line[0], "print", _printed(line)])
    lane_end = lane["end"] if lane["end"] is not None else end
    for what, since in open_waits.items():
        lane["waits"].append([since, lane_end, what, stopped])
    if lane["exitcode"] is None and pid in codes and not stopped:
        lane["exitcode"] = codes[pid]
    if lane["end"] is None and not stopped and own:
        lane["end"] = _r(own[-1]["t"] - t0)
    return lane


def _busy(lane, activity, end):
    """A process the supervisor saw running code when it stopped the scenario (a busy loop at
    the time-out): from its last recorded event to the end it was busy, not idle nor blocked.
    A wait still open then is not where it was stuck (it may be a wait with a time limit it
    keeps retrying), so it no longer reads as one."""
    lane["running"], lane["asleep"] = activity == "running", activity == "sleeping"
    if not lane["running"]:
        return
    since = max([lane["begin"]] + [m[0] for m in lane["marks"]] +
                [w[0] if w[3] else w[1] for w in lane["waits"]])  # after its last event, or wait
    lane["waits"] = [w[:3] + [False] for w in lane["waits"]]
    lane["busy"] = [since, _r(end)]


def _mark(kind, event, names):
    """(mark kind, detail) for an event the timeline shows, else None."""
    if kind == "start":
        return "start", event.get("child")
    if kind == "join_end":
        return "joined", event.get("child")
    if kind == "terminate":
        return "terminate", event.get("child")
    if kind in ("call_begin", "call_end"):
        return ("call" if kind == "call_begin" else "returned"), event.get("function")
    if kind in ("lock_acquired", "lock_release", "lock_wait"):
        return {"lock_acquired": "lock", "lock_release": "release", "lock_wait": "lock_wait"}[kind], \
            names["lock"](event.get("lock"))
    if kind in ("put", "get"):
        return kind, "%s %s" % (names["queue"](event.get("queue")), _text(event.get("value")))
    if kind == "send":
        return "send", _text(event.get("value"))
    if kind == "recv":
        return ("eof", "") if event.get("eof") else ("recv", _text(event.get("value")))
    if kind == "exception":
        return "raised", "%s: %s" % (event.get("type"), _text(event.get("message")))
    return None


def _text(value):
    value = "" if value is None else str(value)
    return value if len(value) <= MAX_DETAIL else value[:MAX_DETAIL - 3] + "..."


def _add_output(lane, line, t, event, locks):
    """Collect one process's writes into lines: a mark per line printed, at its first write,
    with the locks held by every write of it. Linear in the text and bounded: the text is
    scanned only until the lane holds MAX_MARKS marks, and a line keeps only what its mark
    shows (MAX_DETAIL characters)."""
    text = event.get("text", "")
    text = text if isinstance(text, str) else str(text)
    held = {locks(h) for h in (event.get("held") or [])[:MAX_HELD]}
    start = 0
    while start < len(text) and len(lane["marks"]) < MAX_MARKS:
        if line is None:
            line = [t, "", set(held), t]
        else:
            line[2] &= held
            line[3] = t
        newline = text.find("\n", start)
        stop = len(text) if newline < 0 else newline
        room = MAX_DETAIL + 1 - len(line[1])
        if room > 0:
            line[1] += text[start:min(stop, start + room)]
        if newline < 0:
            break
        _add(lane, [line[0], "print", _printed(line)])
        line, start = None, newline + 1
    return line


def _printed(line):
    return {"text": _text(line[1]), "locks": sorted(line[2]), "until": line[3]}


def _add(lane, mark):
    if len(lane["marks"]) < MAX_MARKS:
        lane["marks"].append(mark)


class Axis:
    """Times (seconds from the start) -> positions 0..width. An idle stretch (no event in any
    lane) much longer than the busy ones is drawn short and listed in ``breaks`` as (position,
    seconds skipped)."""

    def __init__(self, model, width):
        times = {0.0, model["end"]}
        for lane in model["lanes"]:
            times.update(m[0] for m in lane["marks"])
            times.update(w[0] for w in lane["waits"])
            times.update(w[1] for w in lane["waits"])
            times.add(lane["begin"])
            if lane["end"] is not None:
                times.add(lane["end"])
            times.update(lane.get("busy") or ())
        self.times = sorted(t for t in times if 0 <= t <= model["end"])
        gaps = [b - a for a, b in zip(self.times, self.times[1:])]
        cap = max(0.002, 0.08 * sum(min(g, 0.2) for g in gaps))
        self.widths = [g if g <= 3 * cap else cap for g in gaps]
        self.breaks_at = [i for i, g in enumerate(gaps) if g > 3 * cap]
        self.starts = [0.0]
        for w in self.widths:
            self.starts.append(self.starts[-1] + w)
        self.total = self.starts[-1] or 1.0
        self.width = width

    def __call__(self, t):
        i = max(0, min(bisect.bisect_right(self.times, t) - 1, len(self.widths) - 1))
        if not self.widths:
            return 0.0
        gap = self.times[i + 1] - self.times[i]
        within = 0.0 if gap <= 0 else min(max(t - self.times[i], 0.0), gap) / gap * self.widths[i]
        return (self.starts[i] + within) / self.total * self.width

    def breaks(self):
        """(position of the middle of each squeezed stretch, seconds it lasted)."""
        return [((self.starts[i] + self.widths[i] / 2) / self.total * self.width,
                 self.times[i + 1] - self.times[i]) for i in self.breaks_at]


def lane_label(lane):
    """What a lane is, in words: the caller, or the function the child ran."""
    return text("tl_caller") if lane["role"] == "caller" else lane["target"].split(".")[-1] or "?"


def lane_status(lane):
    """How the process ended: its exit code, blocked, or stopped by the grader."""
    if lane["exitcode"] is not None:
        return text("tl_exit", code=lane["exitcode"])
    if lane.get("running"):
        return text("tl_running")
    if lane.get("asleep"):  # time.sleep: its own delay, not a wait for another process
        return text("wait_sleep")
    if lane.get("blocked") or any(w[3] for w in lane["waits"]):
        return text("tl_blocked")
    return text("tl_stopped") if lane["end"] is None else ""
