"""Turn a supervisor's report into one Verdict.

Generic checks come first (the run was stopped, the module did not import, a stub, a crash,
a process not joined), then the scenario's own judge, then leftovers. Runs in the grader,
never next to the student's code.
"""
import os
import re
import signal

from grader.engine import stacks
from grader.messages import in_notebook, text
from grader.judging.observations import Observations
from grader.judging.outcomes import (CRASHED, DEADLOCK, ERROR, FAILED, LEAKED, NOT_IMPLEMENTED,
                             NOT_JOINED, NO_PROCESS, PASSED, TIMEOUT, Fail)


RUN_NOT_START = "can only join a started process"


def tree_memory_mb(exercise):
    """The memory cap of a scenario's whole tree: twice what one process may use."""
    return exercise.limits["memory_mb"] * 2


# (words in the exception's message, key of the plain-words explanation), first match wins
CAUSES = (
    ("bootstrapping phase", "cause_guard"),
    ("context has already been set", "cause_start_method_once"),
    ("_thread.lock", "cause_threading_lock"),
    ("_thread.RLock", "cause_threading_lock"),
    ("<lambda>", "cause_lambda"),
    ("local object", "cause_closure"),
    ("on <module '__main__'", "cause_main"),
    ("on __main__ failed", "cause_main"),
    ("not found as __main__.", "cause_main"),  # Python 3.14's words
    ("not the same object as __main__.", "cause_main"),
    ("pickle", "cause_pickle"),
    ("File too large", "cause_output"),
)
# what no start method can hand over, which a Pool pickles with every task: named as the Pool's
POOL_PICKLES = ("cause_lambda", "cause_closure")
# causes whose explanation says all a beginner needs: the exception's own text is left out
SELF_EXPLAINED = ("cause_guard",)
PEER_CLOSED = ("BrokenPipeError", "ConnectionResetError")


def cause_of(exc_message, obs):
    """The key of a beginner's explanation of a start-method mistake, or None. Code that
    started a process while the module was being imported is seen where it happened (the
    start event records the module's line), whatever the exception said."""
    if obs.started_at_import():
        return "cause_guard"
    for words, key in CAUSES:
        if words in (exc_message or ""):
            return key + "_pool" if key in POOL_PICKLES and obs.made_a_pool() else key
    return None


def plain_cause(key, obs):
    if key is None:
        return ""
    where = obs.started_at_import() or "?"
    return text(key, method=obs.start_method_in_effect(), where=where) + "\n"


def globals_cause(obs):
    """A beginner's explanation of the globals a child saw differ from its parent's, or ''."""
    unseen = obs.globals_unseen()
    if not unseen:
        return ""
    target, name, parent, child = unseen[0]
    return text("cause_globals", method=obs.start_method_in_effect(), target=target, name=name,
                parent=parent, child=child) + "\n"


def _signal_hint(code):
    """A word on what a signal usually means, or ''."""
    if code is not None and code < 0 and _signal_name(code) == "SIGSEGV":
        return " " + text("hint_segfault")
    return ""


def _signal_name(code):
    try:
        return signal.Signals(-code).name
    except (ValueError, AttributeError):
        return "signal %d" % -code


# what a process waits in, in plain words: (file ends with, function) -> message key
WAITS = (
    (None, "_wait_for_tstate_lock", "wait_feeder"),
    ("connection.py", ("_send", "_send_bytes", "send_bytes", "send"), "wait_send"),
    ("connection.py", None, "wait_receive"),
    ("queues.py", "join", "wait_task_done"),  # JoinableQueue.join(): a Condition, not a receive
    ("queues.py", None, "wait_receive"),
    ("selectors.py", None, "wait_receive"),
    ("synchronize.py", ("__enter__", "acquire"), "wait_lock"),
    ("synchronize.py", None, "wait_event"),
    ("process.py", "join", "wait_join"),
    ("popen_fork.py", None, "wait_join"),
    ("popen_spawn_posix.py", None, "wait_join"),
    ("popen_forkserver.py", None, "wait_join"),
    ("managers.py", None, "wait_manager"),
    ("pool.py", None, "wait_pool"),
    (None, "sleep", "wait_sleep"),
)


def wait_key(inner):
    """`inner` = (file, function) a process waits in -> the key of WAITS it matches, or None."""
    if not inner:
        return None
    path, func = inner
    for suffix, funcs, key in WAITS:
        if (suffix is None or path.endswith(suffix)) and (
                funcs is None or func == funcs or (isinstance(funcs, tuple) and func in funcs)):
            return key
    return None


def plain_wait(inner):
    """`inner` = (file, function) a process waits in -> a phrase a beginner understands."""
    if not inner:
        return ""
    key = wait_key(inner)
    return text(key) if key else text("wait_other", module=os.path.splitext(os.path.basename(inner[0]))[0])


def _where(report, obs):
    if not report.get("dumps", {}):
        return text("where_unknown")
    lines = ["  %s: %s" % (entry["role"], entry["at"]) for entry in _blocked(report, obs)]
    return "\n".join(lines) if lines else text("where_none")


def _blocked(report, obs):
    """Where each process of a stopped scenario was, from its stack dump: one entry (pid,
    role, at) per thread running the student's code, or per process without such a frame."""
    children = obs.child_targets()
    activity = report.get("activity") or {}
    entries = []
    for pid_text, dump in sorted(report.get("dumps", {}).items(), key=lambda item: int(item[0])):
        pid = int(pid_text)
        found = stacks.where(dump, obs.student_dir, obs.sources)
        if pid == obs.runner_pid:
            role = text("role_caller", pid=pid)
        elif pid in children:
            role = text("role_child", target=children[pid], pid=pid)
        elif found:
            role = text("role_other", pid=pid)
        else:
            continue
        who, state = role, activity.get(pid_text)
        if state:
            role += " " + text("activity_" + state)
        if not found:
            entries.append({"pid": pid, "role": role, "who": who, "wait": wait_key(stacks.innermost(dump)),
                            "at": text("where_no_frames", inner=plain_wait(stacks.innermost(dump)))})
        for entry in found:
            wait = plain_wait(entry["waiting_in"])
            entries.append({"pid": pid, "role": role, "who": who, "wait": wait_key(entry["waiting_in"]),
                            "line": entry["at"], "at": "%s%s" % (entry["at"], "  (%s)" % wait if wait else "")})
    return entries


def blocked_entries(obs):
    """_blocked() of the observed scenario: each process's {pid, who, wait (a key of WAITS),
    line (the student's, or absent)}, for a judge that explains a hang by what each waited in."""
    return _blocked(obs.report, obs)


def blocked_at(report, scenario, exercise, student_dir, method=""):
    """For a scenario stopped while it hung (deadlock, time-out): where each process was, as
    the verdict's message says it, {pid: 'file.py:21 in collect: item = q.get()  (waiting
    ...)'}; empty when the scenario ended by itself."""
    if report.get("outcome") in (None, "exited"):
        return {}
    obs = Observations(report, scenario, exercise, student_dir, method)
    found = {}
    for entry in _blocked(report, obs):
        found.setdefault(entry["pid"], entry["at"])
    return found


def _phase(report):
    """Where the runner got to: from the result channel, which student code cannot reach by
    path, else from the runner's own event log; 'start' if neither says."""
    result = report.get("result") or {}
    if result.get("phase"):
        return result["phase"]
    phases = [e.get("name") for e in report.get("events", [])
              if e.get("kind") == "phase" and e.get("pid") == report.get("runner_pid")]
    return phases[-1] if phases else "start"


def _stopped(report, obs, exercise, timeout):
    outcome = report["outcome"]
    caps = {"too_many_processes": exercise.limits["max_processes"],  # the message's key too
            "too_much_memory": tree_memory_mb(exercise)}
    if outcome in caps:
        return Fail(CRASHED, text(outcome, call=obs.scenario.call, limit=caps[outcome]))
    crashed = _children_failed(obs)
    if _phase(report) == "start":
        return _setup_failed(report)
    if obs.started_at_import():  # a child re-ran the module's top level and left its parent waiting
        return Fail(ERROR, plain_cause("cause_guard", obs) + text("stuck_where", where=_where(report, obs)))
    if _phase(report) == "import":
        return Fail(ERROR, text("import_hang", file=exercise.filename) +
                    ("\n" + crashed.message if crashed else ""))
    where = _where(report, obs)
    if crashed:  # a child died and left the others waiting for it: the death is the cause
        return Fail(CRASHED, crashed.message + "\n" + text("left_waiting", where=where))
    return _hung(report, obs, timeout, where)


def _hung(report, obs, timeout, where):
    """A scenario stopped for hanging, with no other cause: a time-out (waiting on timers, or
    busy), or a deadlock, explained by the scenario's own judge or hint where it has one."""
    call = obs.scenario.call
    if report["outcome"] != "deadlock":
        states = set((report.get("activity") or {}).values())
        why = text("timeout_timed") if states and "running" not in states else text("timeout_busy")
        if states and "running" not in states:
            asleep = {pid for pid, state in report["activity"].items() if state == "sleeping"}
            sleeping = [e for e in _blocked(report, obs) if str(e["pid"]) in asleep and e.get("line")]
            if sleeping:  # its own delay, not a wait for what another process had to send
                why = text("timeout_slept", who=sleeping[0]["who"], at=sleeping[0]["line"])
        return Fail(TIMEOUT, text("timeout", call=call, seconds=timeout, where=where, why=why))
    message = text("deadlock", call=call, seconds=report["elapsed_s"], where=where)
    try:
        explained = obs.scenario.explain_stuck(obs) if obs.scenario.explain_stuck else None
    except Fail as fault:  # the program's own order of events shows a fault that ends either way
        return Fail(fault.status, fault.message + "\n" + text("stuck_where", where=where))
    if explained:
        message += "\n" + explained
    elif obs.scenario.deadlock_hint:
        message += "\n" + text(obs.scenario.deadlock_hint)
    return Fail(DEADLOCK, message)


def _died(report, obs, exercise):
    code = report.get("exit_code")
    how = (text("died_signal", signal=_signal_name(code)) if code is not None and code < 0
           else text("died_code", code=code))
    if code is not None and code < 0 and _signal_name(code) == "SIGXFSZ":
        how = text("signal_output", limit=exercise.limits["output_kb"])
    phase = _phase(report)
    if phase == "start":
        return _setup_failed(report)
    if code == 0:  # it ended normally, yet its result never arrived
        return Fail(ERROR if phase == "import" else CRASHED, text("no_result", call=obs.scenario.call))
    if phase == "import":
        return Fail(ERROR, text("import_exit", file=exercise.filename, how=how))
    return Fail(CRASHED, text("runner_died", call=obs.scenario.call, how=how, hint=_signal_hint(code)))


def _setup_failed(report):
    """The runner ended before it got to the student's module: the kit's fault, not theirs."""
    stderr = (report.get("stderr") or {}).get("text", "").strip().splitlines()
    return Fail(ERROR, text("setup_failed", detail="\n".join(stderr[-6:]) or "no output"))


def _import_failed(error, exercise, student_dir):
    if error["type"] == "SystemExit":
        return Fail(ERROR, text("import_exit", file=exercise.filename,
                                how="sys.exit(%s)" % ("" if error["code"] is None else error["code"])))
    detail = stacks.trim_traceback(error["traceback"], student_dir)
    called = error.get("top_call")
    cause = text("cause_top_call", **called) + "\n" if isinstance(called, dict) else ""
    return Fail(ERROR, cause + text("import_error", file=exercise.filename, detail=detail))


def _calls_failed(obs, exercise):
    for record in obs.calls:
        raised = record.get("raised")
        if raised and raised["type"] == "NotImplementedError":
            return _still_a_stub("not_implemented", exercise, call=record["label"])
    for event in obs.of_kind("exception"):
        if event.get("type") == "NotImplementedError":
            return _still_a_stub("not_implemented_child", exercise, func=_target_func(obs, event))
    for record in obs.calls:
        raised = record.get("raised")
        if raised and raised["type"] == "AssertionError" and RUN_NOT_START in raised["message"]:
            return Fail(NO_PROCESS, text("run_not_start", call=record["label"]))
        missing = _missing_function(raised, exercise)
        if missing == record["function"]:  # the grader's call found no such function to call
            return Fail(CRASHED, text("function_missing", call=record["label"], function=missing,
                                      file=_path(exercise)))
        if raised:
            cause = cause_of(raised["message"], obs)
            return Fail(CRASHED, (plain_cause(cause, obs) if cause else _again(obs, record)) +
                        text("raised", call=record["label"], exc_type=raised["type"],
                                      exc_message=raised["message"],
                                      traceback=stacks.trim_traceback(raised["traceback"], obs.student_dir)))
    return None


def _again(obs, record):
    """A word that `record` is a later call of a function whose earlier call returned: what the
    first call left behind broke the next one. '' for a first call."""
    earlier = obs.calls[:obs.calls.index(record)]
    if any(r["function"] == record["function"] and not r.get("raised") for r in earlier):
        return text("cause_second_call", call=record["label"]) + "\n"
    return ""


def _children_failed(obs):
    if obs.scenario.expect_child_failure:
        return None
    targets = obs.child_targets()
    for event in obs.before_runner_finished(obs.of_kind("exception")):
        target = targets.get(event["pid"], text("unknown_target"))
        if event.get("type") in PEER_CLOSED:  # the receiver gave up: blame the receiver
            return Fail(FAILED, text("peer_closed", call=obs.scenario.call, target=target,
                                     exc_type=event.get("type")))
        key = cause_of(event.get("message"), obs)
        if key in SELF_EXPLAINED:
            return Fail(CRASHED, plain_cause(key, obs) + text("child_failed_so", target=target,
                                                               exc_type=event.get("type")))
        return Fail(CRASHED, plain_cause(key, obs) + globals_cause(obs) +
                    text("child_crashed", target=target,
                                  exc_type=event.get("type"), exc_message=event.get("message", ""),
                                  traceback=stacks.trim_traceback(event.get("traceback", ""), obs.student_dir)))
    chosen = {e["pid"]: e.get("code") for e in obs.of_kind("exit_called")}  # the child's own sys.exit(code)
    for record in obs.calls:
        for proc in record.get("processes", []):
            code = proc.get("exitcode")
            if code not in (None, 0) and not obs.ended_by_student(proc["pid"], code) \
                    and chosen.get(proc["pid"]) != code:
                return Fail(CRASHED, text("child_exit", target=proc["target"], code=code,
                                          signal=" (%s)" % _signal_name(code) if code < 0 else "")
                            + _signal_hint(code))
    return None


def _not_joined(obs):
    return None if obs.scenario.allow_unjoined else unjoined(obs)


def unjoined(obs):
    """NOT_JOINED for the first call that returned with a process it started not waited for, or
    None (a judge of a scenario that allows unjoined processes calls it where it has told what
    comes first)."""
    for record in obs.calls:
        unjoined = [p for p in record.get("processes", []) if not p["waited"]]
        if unjoined:
            which = ", ".join("pid %d running %s, %s" % (p["pid"], p["target"], text("state_" + p["status"]))
                              for p in unjoined)
            return Fail(NOT_JOINED, text("not_joined", call=record["label"], count=len(unjoined),
                                         which=which))
    return None


def _target_func(obs, event):
    return obs.child_targets().get(event["pid"], "function").split(".")[-1]


def _missing_function(error, exercise):
    """The name the grader looked up in the student's module and did not find (the
    AttributeError Python raises for it), or None."""
    if not error or error.get("type") != "AttributeError":
        return None
    found = re.fullmatch(r"\"?module '([\w.]+)' has no attribute '(\w+)'\"?", error.get("message") or "")
    return found.group(2) if found and found.group(1) == exercise.module else None


def _still_a_stub(key, exercise, **fields):
    """NOT_IMPLEMENTED, its message naming the file to edit, or in a notebook the cell that
    writes it (`key` + "_notebook")."""
    if in_notebook():
        return Fail(NOT_IMPLEMENTED, text(key + "_notebook", file=exercise.filename, **fields))
    return Fail(NOT_IMPLEMENTED, text(key, file=_path(exercise), **fields))


def _path(exercise):
    """The file to edit, relative to the submission folder (exercises/ for a student)."""
    return "%s/%s" % (exercise.folder, exercise.filename)


def kit_failure(report, call):
    """The Fail of a scenario the kit itself could not see to its end, or None: its supervisor
    was killed (no report), or the backstop stopped it."""
    if report is None:
        return Fail(CRASHED, text("parent_killed", call=call))
    if report.get("backstop"):
        return Fail(TIMEOUT, text("backstop", call=call))
    return None


def judge(report, scenario, exercise, student_dir, timeout, method=""):
    """(status, message) for one scenario's report."""
    failure = kit_failure(report, scenario.call)
    if failure:
        return failure.status, failure.message
    obs = Observations(report, scenario, exercise, student_dir, method)
    try:
        generic(report, obs, timeout)
        scenario.judge_fn(obs)
        leftovers(report, obs)
    except Fail as fail:
        return fail.status, fail.message + unavailable_evidence(obs)
    return PASSED, ""


def unavailable_evidence(obs):
    """A failing verdict's note of what this Python did not let the hooks observe (a part of
    multiprocessing that a hook patches was missing, hooks/internals.py): "" when nothing."""
    import platform

    from grader.engine.hooks.internals import EVIDENCE

    missing = {}
    for event in obs.of_kind("hook_missing"):
        hook = str(event.get("hook"))
        missing.setdefault(EVIDENCE.get(hook, "other"), "%s (%s)" % (hook, str(event.get("error"))[:200]))
    if not missing:
        return ""
    what = "; ".join(text("evidence_" + key) for key in sorted(missing))
    return "\n" + text("evidence_unavailable", python=platform.python_version(), what=what,
                        detail=", ".join(missing[key] for key in sorted(missing)))


def generic(report, obs, timeout):
    """The verdicts every scenario gets before its own judge looks: stopped, died, did not
    import, a stub, a crash, a process not joined. Raises Fail."""
    exercise, scenario = obs.exercise, obs.scenario
    if report["outcome"] != "exited":
        raise _stopped(report, obs, exercise, timeout)
    result = report.get("result") or {}
    if result.get("phase") != "done":
        raise _died(report, obs, exercise)
    if "import_error" in result:
        raise _import_failed(result["import_error"], exercise, obs.student_dir)
    if obs.started_at_import():  # children that import the module start processes again
        raise Fail(ERROR, plain_cause("cause_guard", obs).rstrip())
    for failure in (_calls_failed(obs, exercise), _children_failed(obs)):
        if failure:
            raise failure
    if "driver_error" in result:
        error = result["driver_error"]
        missing = _missing_function(error, exercise)
        if missing:  # the driver looked the function up in the module, and it is not there
            raise Fail(FAILED, text("function_missing", call=scenario.call, function=missing, file=_path(exercise)))
        raise Fail(FAILED, text("driver_error", call=scenario.call, exc_type=error["type"],
                                exc_message=error["message"]))
    failure = _not_joined(obs)
    if failure:
        raise failure


def leftovers(report, obs):
    """After the scenario's own judge: processes left behind. Raises Fail."""
    if report.get("leaked"):
        targets = obs.child_targets()
        which = ", ".join(text("leaked_one", pid=p["pid"], target=targets.get(p["pid"], text("unknown_target")))
                          for p in report["leaked"])
        guard = "cause_guard" if obs.started_at_import() else None
        raise Fail(LEAKED, plain_cause(guard, obs) +
                   text("leaked", call=obs.scenario.call, count=len(report["leaked"]), which=which))


def output_of(report, student_dir):
    """What the scenario printed, capped, with machine paths and grader frames removed."""
    parts = []
    for stream in ("stdout", "stderr"):
        captured = report.get(stream) or {}
        body = captured.get("text", "")
        if stream == "stderr":
            body = stacks.trim_traceback(body, student_dir)
        if captured.get("cut"):
            body += "\n" + text("output_cut", cut=captured["cut"])
        if body.strip():
            parts.append(body if stream == "stdout" else "--- stderr ---\n" + body)
    joined = "\n".join(parts)
    return re.sub(re.escape(os.path.dirname(os.path.abspath(student_dir))) + r"[\\/]?", "", joined)

