"""Judging helpers shared by the exercises' checks (run in the grader). Each claim rests on an
observation of exactly that fact (see docs/evidence.md): which process ran a function, which
process an item came from, what each process printed."""
from grader.engine.values import describe, safe_repr, same
from grader.judging.driving import drain  # noqa: F401  (drivers' helper, where they used to find it)
from grader.judging.outcomes import FAILED, NO_PROCESS, Fail
from grader.messages import text


def expect_return(record, expected):
    if not same(record["returned"], expected):
        actual = record["returned"]["repr"] if record["returned"] else "nothing"
        raise Fail(FAILED, text("wrong_return", call=record["label"], actual=actual,
                                expected=safe_repr(expected)))


def in_wrong_order(returned, expected):
    """Whether a returned list holds exactly the expected values, in another order."""
    items = (returned or {}).get("items")
    return items is not None and not same(returned, expected) and \
        sorted(items) == sorted(describe(list(expected))["items"])


def expect_in_order(record, expected):
    """The results, in the order of the items; when they are all there in another order (kept
    as the children finished, say), the message says so."""
    try:
        expect_return(record, expected)
    except Fail as fail:
        if in_wrong_order(record["returned"], expected):
            fail.message += " " + text("results_order")
        raise


def ran_in_child(obs, record, function):
    """The pids other than the caller's in which the student's `function` ran, while `record`'s
    call started at least one process; otherwise a Fail that says what was seen instead."""
    elsewhere = obs.ran_in_children(function)
    if record["processes"] and elsewhere:
        return elsewhere
    here = obs.runner_pid in obs.ran_in(function)
    starts = obs.starts(record)
    if here and any(not start.get("has_target") for start in starts):
        raise Fail(NO_PROCESS, text("target_called", call=record["label"], function=function))
    if here:
        raise Fail(NO_PROCESS, text("ran_in_caller", call=record["label"], function=function,
                                    pid=obs.runner_pid))
    if not record["processes"]:
        raise Fail(NO_PROCESS, text("no_process_started", call=record["label"]))
    targets = ", ".join(sorted({p["target"] for p in record["processes"]}))
    raise Fail(NO_PROCESS, text("not_run_in_child", call=record["label"], function=function,
                            count=len(record["processes"]), targets=targets))


def own_workers(obs, record, function, wanted):
    """The children of `record`'s call that ran `function` and that the student's own code
    started: exactly `wanted` of them. A Pool's workers or a Manager's processes run for the
    student, but are not the processes the statement asks the student to start."""
    ran = obs.ran_in_children(function, record)  # a Manager's Pool's workers are not the caller's children
    own = ran & obs.started_by_student(record)
    if len(own) != wanted:
        if own != ran:
            raise Fail(FAILED, text("workers_not_own", call=record["label"], function=function,
                                    count=len(own), n=wanted, others=len(ran - own)))
        raise Fail(FAILED, text("workers_count", call=record["label"], function=function,
                                count=len(ran), n=wanted))
    return own


def expect_items_crossed(obs, record, items, function):
    """Every item returned must have been received by the caller from another process."""
    missing = [item for item, crossed in zip(items, obs.crossed_from_child(record["returned"])) if not crossed]
    if missing:
        raise Fail(NO_PROCESS, text("not_crossed", call=record["label"], function=function,
                                    missing=safe_repr(missing, 120)))


def received_in_caller(obs, value, since=None, until=None):
    """Whether the caller received `value` from bytes another process pickled."""
    from grader.engine.values import digest

    wanted = digest(value)
    sent_elsewhere = {e.get("bytes") for e in obs.of_kind("sent") if e.get("pid") != obs.runner_pid}
    return any(e.get("pid") == obs.runner_pid and e.get("value") == wanted and e.get("bytes") in sent_elsewhere
               and (since is None or e["t"] >= since) and (until is None or e["t"] <= until)
               for e in obs.of_kind("received"))


def gave_up(obs):
    """How the caller last gave up on receiving (see expect_stream_ended), or None."""
    found = [e for e in obs.of_kind("gave_up") if e.get("pid") == obs.runner_pid]
    return found[-1].get("how") if found else None


def explain_gave_up(obs):
    """For a deadlock: a caller that gave up receiving and then waited for its child."""
    how = gave_up(obs)
    return text("gave_up_stuck", how=how) if how else None


def expect_stream_ended(obs, record, end_marker, items):
    """A receiving loop must end at the end of the stream (EOFError, or `end_marker` received),
    not because a poll() or empty() found nothing yet: that races with the sender, and the
    grader says so even on a run the sender happened to win."""
    if not items:  # nothing to send: no timing changes what the caller gets
        return
    begin, end = obs.call_window(record["function"], record)
    window = [e for e in obs.events if e.get("pid") == obs.runner_pid
              and (begin is None or e["t"] >= begin) and (end is None or e["t"] <= end)]
    gave_up = [e for e in window if e["kind"] == "gave_up"]
    if not gave_up or any(e["kind"] == "eof" for e in window) or \
            (end_marker is not None and received_in_caller(obs, end_marker, begin, end)):
        return
    raise Fail(FAILED, text("gave_up_racy", call=record["label"], how=gave_up[-1].get("how")))


def each_call(obs, check):
    """check(record) for each call of the scenario, in order (a scenario may call the student's
    function twice, as a program may). A later call's Fail first says that the first call worked
    and calling again in the same program did not."""
    for i, record in enumerate(obs.calls):
        try:
            check(record)
        except Fail as fail:
            if i:
                fail.message = text("cause_second_call", call=record["label"]) + "\n" + fail.message
            raise


def printed_by(obs, function, record=None):
    """{pid: text} of what each process wrote to stdout while `function` was being called
    (during `record`'s call, when given)."""
    begin, end = obs.call_window(function, record)
    by_pid = {}
    for write in obs.writes(begin, end):
        by_pid[write["pid"]] = by_pid.get(write["pid"], "") + write["text"]
    return by_pid


__all__ = ["Fail", "FAILED", "NO_PROCESS", "describe", "drain", "each_call", "expect_items_crossed", "expect_return",
           "expect_stream_ended", "printed_by", "ran_in_child",
           "received_in_caller", "safe_repr", "text"]
