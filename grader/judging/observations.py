"""What a scenario's judge reads of one run (Observations): the calls, the driver's extra data
and the events, each recorded where it happened, with the questions the checks ask of them."""
import os

from grader.engine import stacks
from grader.judging.outcomes import FAILED, Fail
from grader.messages import text


class Observations:
    """What a scenario's judge reads: the calls, the driver's extra data and the events."""

    def __init__(self, report, scenario, exercise, student_dir, method=""):
        result = report.get("result") or {}
        self.report = report
        self.calls = result.get("calls", [])
        self.extra = result.get("extra", {})
        self.runner_pid = report.get("runner_pid", result.get("runner_pid"))  # the supervisor's
        self.method = method
        stopped_at = report.get("stopped_at")
        # what happened while the grader was stopping the scenario is not the student's doing
        self.events = [e for e in report.get("events", [])
                       if report.get("outcome") == "exited" or stopped_at is None
                       or e.get("t", 0) <= stopped_at]
        self.scenario = scenario
        self.exercise = exercise
        self.student_dir = student_dir
        self.sources = report.get("grader_copy") or {}  # the grader's copy, taken before the run

    def call(self, label=None):
        for record in self.calls:
            if label in (None, record["label"], record["function"]):
                return record
        raise Fail(FAILED, text("not_called", call=label or self.scenario.call))

    def of_kind(self, kind):
        return [e for e in self.events if e.get("kind") == kind]

    def writes(self, since=None, until=None):
        """Writes to stdout, optionally limited to a window of the event clock."""
        return [e for e in self.of_kind("write") if e.get("stream") == "stdout"
                and (since is None or e["t"] >= since) and (until is None or e["t"] <= until)]

    def call_window(self, function, record=None):
        """From the first call of `function` to the end of its last (a scenario may call it
        twice); with `record`, one of the calls, from its beginning to its end."""
        begin = [e["t"] for e in self.of_kind("call_begin") if e.get("function") == function]
        end = [_returned_at(e) for e in self.of_kind("call_end") if e.get("function") == function]
        mine = [r for r in self.calls if r["function"] == function]
        at = [i for i, r in enumerate(mine) if r is record]
        if at and len(mine) > 1 and len(begin) == len(end) == len(mine):
            return begin[at[0]], end[at[0]]
        return (begin[0] if begin else None), (end[-1] if end else None)

    def before_runner_finished(self, events):
        """Events that are not the consequence of a child left behind: a child the student
        never waited for may fail later only because the call that started it returned (and
        freed what the child still needed, a lock, a queue) or because the runner, its parent,
        is gone. Its failure after that point is the missing join's doing, and not_joined says
        so."""
        done = [e["t"] for e in self.of_kind("phase")
                if e.get("name") == "done" and e.get("pid") == self.runner_pid]
        left_at = {}  # pid of a child its call did not wait for -> when that call returned
        ends = [_returned_at(e) for e in self.of_kind("call_end") if e.get("pid") == self.runner_pid]
        for record, end in zip(self.calls, ends):
            for proc in record.get("processes", []):
                if not proc.get("waited"):
                    left_at[proc["pid"]] = end
        return [e for e in events if (not done or e["t"] <= done[0])
                and not (e["pid"] in left_at and e["t"] > left_at[e["pid"]])]

    def child_targets(self):
        return {e["pid"]: e.get("target", "?") for e in self.of_kind("child_begin")}

    def who(self, pid):
        """A process as a message names it: the calling process, or the child and the function
        it ran, its pid beside them (a pid alone tells a student nothing)."""
        if pid == self.runner_pid:
            return text("role_caller", pid=pid)
        target = self.child_targets().get(pid)
        return text("role_child", target=target, pid=pid) if target else text("role_other", pid=pid)

    def at_line(self, at):
        """' (at file.py:8 in guarded: work(i))' for an event's `at` (hooks.student_line: the
        student's line that made the call), or '' when no line of the student's made it."""
        where = self.site(at)
        return text("at_line", where=where) if where else ""

    def site(self, at):
        """'file.py:8 in guarded: work(i)' for an event's `at`, or '' (see at_line)."""
        if not isinstance(at, dict) or not at.get("file"):
            return ""
        where = "%s:%s in %s" % (at["file"], at.get("line"), at.get("function"))
        code = stacks.source_line(self.sources, at["file"], at.get("line") or 0)
        return where + (": " + code if code else "")

    # -- direct evidence: each fact observed in the process where it happened -----------------
    def ran_in(self, function):
        """The pids in which the student's `function` (a name, or Class.method) began to run:
        its own code starting in that process, seen by the trace hook."""
        return {e["pid"] for e in self.of_kind("ran") if same_function(e.get("function"), function)}

    def ran_in_children(self, function, record=None):
        """ran_in() but the caller; with `record`, only the processes that began `function`
        from that call's start until the next call's (a scenario may call twice)."""
        pids = self.ran_in(function) - {self.runner_pid}
        begins = [e["t"] for e in self.of_kind("call_begin") if e.get("pid") == self.runner_pid]
        if record is None or record not in self.calls or len(begins) != len(self.calls) or len(begins) < 2:
            return pids
        i = self.calls.index(record)
        until = begins[i + 1] if i + 1 < len(begins) else float("inf")
        return {e["pid"] for e in self.of_kind("ran") if e["pid"] in pids and same_function(e.get("function"), function)
                and begins[i] <= e["t"] < until}

    def starts(self, record=None):
        """The `start` events of processes the runner started (during `record`'s call)."""
        pids = None if record is None else {p["pid"] for p in record.get("processes", [])}
        return [e for e in self.of_kind("start") if e.get("pid") == self.runner_pid
                and (pids is None or e.get("child") in pids)]

    def started_by_student(self, record):
        """The pids of `record`'s processes that the student's own code started (start() called
        from it), not those a Pool or a Manager started for it."""
        return {e.get("child") for e in self.starts(record) if e.get("by_student")}

    def terminated(self):
        """The pids the student's own code ended with terminate(), kill() or os.kill() (a Pool
        shutting down included): their signal exit is the student's decision, not a crash."""
        return {e.get("child") for e in self.of_kind("terminate")}

    def ended_by_student(self, pid, code):
        """Whether exit code `code` of `pid` (the OS's word on how it ended) is the signal the
        student's own code sent it (any signal, for an event that does not say which)."""
        sent = {e.get("signal") for e in self.of_kind("terminate") if e.get("child") == pid}
        return code < 0 and bool(sent) and (None in sent or -code in sent)

    def crossed_from_child(self, returned, senders=None):
        """For each item of a returned list: whether that very object was received by the
        runner from bytes another process of the scenario pickled (a queue, a pipe, a manager),
        or one of the pids `senders` when given. Items identity cannot tell apart (None, small
        ints) count when an equal value did."""
        sent_elsewhere = {e.get("bytes") for e in self.of_kind("sent") if e.get("pid") != self.runner_pid
                          and (senders is None or e.get("pid") in senders)}
        ids, values = set(), set()
        for event in self.of_kind("received"):
            if event.get("pid") == self.runner_pid and event.get("bytes") in sent_elsewhere:
                ids.update(event.get("ids") or [])
                values.add(event.get("value"))
                values.update(event.get("items") or [])
        returned = returned or {}
        items = zip(returned.get("items") or [], returned.get("ids") or [], returned.get("shared") or [])
        return [digest in values if shared else ident in ids for digest, ident, shared in items]

    def started_at_import(self):
        """'file.py:line' where the student's module started a process at its top level while
        being imported (seen in the start call itself), or None."""
        for event in self.of_kind("start") + self.of_kind("start_failed"):
            # in the caller that is harmless (fork): it is a fault where a child re-imports
            if event.get("at_import") and (event.get("pid") != self.runner_pid or event["kind"] == "start_failed"):
                return event["at_import"]
        return None

    def globals_unseen(self):
        """[(target, name, parent's repr, child's repr)]: a plain global of the target's module
        whose value a child saw differ from its parent's when the parent started it (the
        parent set it while running; a spawn child imported the module afresh). Seen in both
        processes, never guessed; under fork the two always agree."""
        at_start = {e.get("child"): e.get("globals") for e in self.of_kind("start")}
        found = []
        for begin in self.of_kind("child_begin"):
            parent, child = at_start.get(begin["pid"]), begin.get("globals")
            if not isinstance(parent, dict) or not isinstance(child, dict):
                continue
            for name, value in parent.items():
                if child.get(name, value) != value and (begin.get("target"), name) not in {f[:2] for f in found}:
                    found.append((begin.get("target"), name, value, child[name]))
        return found

    def made_a_pool(self):
        """Whether the student's code made a Pool (or a ProcessPoolExecutor), seen in its
        constructor in the calling process."""
        return any(e.get("pid") == self.runner_pid for e in self.of_kind("pool"))

    def start_method_in_effect(self):
        """The start method the student's processes were really started with (a method the
        student set with set_start_method or get_context wins), else the grader's."""
        for event in reversed(self.of_kind("start") + self.of_kind("start_failed")):
            if event.get("method"):
                return event["method"]
        return self.method


def _returned_at(call_end):
    """When the student's function returned (its frame, before its locals were freed), which
    the runner records apart from the later moment it reports the call's end."""
    at = call_end.get("returned_at")
    return at if isinstance(at, (int, float)) else call_end["t"]


def same_function(recorded, wanted):
    """Whether a recorded function is `wanted` (`greet`, or `Greeter.run`). Before Python 3.11
    code objects carry only the bare name (`run`), which then has to do."""
    if not isinstance(recorded, str):
        return False
    return recorded == wanted or ("." not in recorded and recorded == wanted.rsplit(".", 1)[-1])
