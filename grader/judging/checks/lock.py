"""04_lock: report and report_all. Unprotected printing is caught deterministically: every
write to stdout is recorded with the locks its process held at that moment (see _hooks)."""
import multiprocessing

from grader.engine import hooks as _hooks
from grader.judging.checks.common import (FAILED, Fail, NO_PROCESS, printed_by, require_child_process,
                                  safe_repr, text)
from grader.judging.scenario import scenario

N = 5


@scenario("report_holds_lock", points=1, call="report(lock, 7)", deadlock_hint="lock_deadlock_hint")
def report_holds_lock(run):
    """report prints `this is <i>` while holding the lock, and releases it."""
    lock = multiprocessing.Lock()
    run.call("report", lock, 7, label="report(lock, 7)")
    released = lock.acquire(False)
    if released:
        lock.release()
    return {"lock": _hooks.lock_id(lock), "released": released}


@report_holds_lock.judge
def _(obs):
    record = obs.call()
    begin, end = obs.call_window("report")
    writes = obs.writes(begin, end)
    printed = "".join(w["text"] for w in writes)
    if printed != "this is 7\n":
        raise Fail(FAILED, text("report_output", call=record["label"], actual=safe_repr(printed),
                                expected=repr("this is 7\n")))
    if any(obs.extra["lock"] not in w["held"] for w in writes):
        raise Fail(FAILED, text("report_unlocked", call=record["label"]))
    if not obs.extra["released"]:
        raise Fail(FAILED, text("lock_deadlock_hint"))


def _child_writes(obs, record):
    printed = printed_by(obs, "report_all")
    require_child_process(obs, record, worked_in_runner=obs.runner_pid in printed)
    return printed


@scenario("report_all_lines", points=2, call="report_all(%d)" % N, deadlock_hint="lock_deadlock_hint")
def report_all_lines(run):
    """report_all prints each line once, from n distinct child processes, all joined."""
    run.call("report_all", N, label="report_all(%d)" % N)


@report_all_lines.judge
def _(obs):
    record = obs.call()
    printed = _child_writes(obs, record)
    expected = ["this is %d" % i for i in range(N)]
    lines = sorted(line for out in printed.values() for line in out.splitlines())
    if lines != expected or any(not out.endswith("\n") for out in printed.values()):
        raise Fail(FAILED, text("lines_wrong", call=record["label"], actual=safe_repr(lines),
                                expected=safe_repr(expected)))
    if len(printed) != N:
        raise Fail(NO_PROCESS if len(printed) < 2 else FAILED,
                   text("lines_not_children", call=record["label"], count=len(printed), n=N))


@scenario("report_all_locked", points=2, call="report_all(%d)" % N, deadlock_hint="lock_deadlock_hint")
def report_all_locked(run):
    """Every process prints while holding one lock shared by all of them."""
    run.call("report_all", N, label="report_all(%d)" % N)


@report_all_locked.judge
def _(obs):
    record = obs.call()
    _child_writes(obs, record)
    begin, end = obs.call_window("report_all")
    writes = [w for w in obs.writes(begin, end) if w["pid"] != obs.runner_pid]
    for write in writes:
        if not write["held"]:
            raise Fail(FAILED, text("unlocked_write", call=record["label"], pid=write["pid"],
                                    text=safe_repr(write["text"])))
    shared = set(writes[0]["held"]) if writes else set()
    for write in writes[1:]:
        shared &= set(write["held"])
    if writes and not shared:
        raise Fail(FAILED, text("no_shared_lock", call=record["label"]))
