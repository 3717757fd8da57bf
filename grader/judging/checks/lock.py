"""04_lock: report and report_all. Unprotected printing is caught deterministically: every
write to stdout is recorded with the locks its process held at that moment (see _hooks)."""
import multiprocessing
from collections import Counter

from grader.engine import hooks as _hooks
from grader.judging.checks.common import FAILED, Fail, each_call, printed_by, ran_in_child, safe_repr, text
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


def _reporters(obs, record):
    """The children of the call that did the reporting: those that ran report or, where none
    did (a Process subclass whose run() prints its line itself), those that printed during the
    call. What matters is that n new processes printed the lines, not which function did."""
    try:
        return ran_in_child(obs, record, "report")
    except Fail:
        started = {p["pid"] for p in record["processes"]}
        printed = {w["pid"] for w in obs.writes(*obs.call_window("report_all", record)) if w["pid"] in started}
        if printed:
            return printed
        raise


def _lines(obs, record):
    """Every line printed while report_all ran, by any process (the output is this exercise's
    contract: the caller's extra lines count too), and the children that ran report."""
    printed = printed_by(obs, "report_all", record)
    try:
        reporters = _reporters(obs, record)
    except Fail as fail:  # say so when the caller printed the lines itself
        mine = printed.get(obs.runner_pid, "").splitlines()
        if mine:
            fail.message += " " + text("lines_from_caller", lines=safe_repr(mine), pid=obs.runner_pid)
        raise
    expected = ["this is %d" % i for i in range(N)]
    lines = [(line, pid) for pid, out in sorted(printed.items()) for line in out.splitlines()]
    got = sorted(line for line, _ in lines)
    broken = [safe_repr(out) for out in printed.values() if out and not out.endswith("\n")]
    if got != expected or broken:
        missing = sorted((Counter(expected) - Counter(got)).elements())
        extra = sorted((Counter(got) - Counter(expected)).elements())
        from_caller = [line for line, pid in lines if pid == obs.runner_pid]
        detail = ""
        if missing:
            detail += " " + text("lines_missing", lines=safe_repr(missing))
        if extra:
            detail += " " + text("lines_extra", lines=safe_repr(extra))
        if from_caller:
            detail += " " + text("lines_from_caller", lines=safe_repr(from_caller), pid=obs.runner_pid)
        if broken:
            detail += " " + text("lines_unended", lines=", ".join(broken))
        raise Fail(FAILED, text("lines_wrong", call=record["label"], actual=safe_repr(got),
                                expected=safe_repr(expected)) + detail)
    return reporters


@scenario("report_all_lines", points=2, call="report_all(%d)" % N, deadlock_hint="lock_deadlock_hint")
def report_all_lines(run):
    """report_all prints each line once, from n distinct child processes, all joined; called
    twice in one program."""
    for _ in range(2):  # a program may call it twice
        run.call("report_all", N, label="report_all(%d)" % N)


@report_all_lines.judge
def _(obs):
    each_call(obs, lambda record: _expect_lines(obs, record))


def _expect_lines(obs, record):
    """One call of report_all: its lines, each printed by one of n processes of its own."""
    reporters = _lines(obs, record)
    writers = {w["pid"] for w in obs.writes(*obs.call_window("report_all", record)) if w["pid"] in reporters}
    pools = [e for e in obs.of_kind("pool") if e.get("maxtasksperchild") != 1]
    if pools:  # which worker takes which task is up to timing: named, whatever this run did
        raise Fail(FAILED, text("lines_pool", call=record["label"], count=len(writers), n=N))
    if len(writers) != N:
        raise Fail(FAILED, text("lines_not_children", call=record["label"], count=len(writers), n=N))


def _while_reporting(obs, reporters):
    """Whether a write was one of the caller's made while a child that runs report had been
    started and not yet seen to end (joined, or found dead by is_alive()), in the caller's own
    order of events: its output could mix with theirs, so it must hold the lock too. One made
    before they start or after they ended cannot. The children's stretches are found once, so
    each write costs one look at them (a caller printing many lines makes no quadratic work)."""
    began, ended = {}, {}
    for event in obs.starts():
        if event.get("child") in reporters:
            began[event["child"]] = min(began.get(event["child"], event["t"]), event["t"])
    for event in obs.of_kind("ended_seen"):
        if event.get("pid") == obs.runner_pid:
            ended[event.get("child")] = min(ended.get(event.get("child"), event["t"]), event["t"])
    stretches = [(since, ended.get(child, float("inf"))) for child, since in began.items()]

    def made_while_reporting(write):
        return write["pid"] == obs.runner_pid and any(a <= write["t"] < b for a, b in stretches)
    return made_while_reporting


@scenario("report_all_locked", points=2, call="report_all(%d)" % N, deadlock_hint="lock_deadlock_hint")
def report_all_locked(run):
    """Every process prints while holding one lock shared by all of them."""
    run.call("report_all", N, label="report_all(%d)" % N)


@report_all_locked.judge
def _(obs):
    record = obs.call()
    reporters = _reporters(obs, record)
    begin, end = obs.call_window("report_all")
    reporting = _while_reporting(obs, set(reporters))
    writes = [w for w in obs.writes(begin, end) if w["pid"] in reporters or reporting(w)]
    if not any(w["pid"] in reporters for w in writes):  # nothing printed: nothing shown locked
        raise Fail(FAILED, text("locked_nothing_printed", call=record["label"], count=len(reporters)))
    for write in writes:
        if not write["held"]:
            key = "unlocked_write_caller" if write["pid"] == obs.runner_pid else "unlocked_write"
            raise Fail(FAILED, text(key, call=record["label"], pid=write["pid"], who=obs.who(write["pid"]),
                                    text=safe_repr(write["text"]), at=obs.at_line(write.get("at"))))
    shared = set(writes[0]["held"]) if writes else set()
    for write in writes[1:]:
        shared &= set(write["held"])
    if writes and not shared:
        raise Fail(FAILED, text("no_shared_lock", call=record["label"]))
