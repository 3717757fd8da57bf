"""11_event_start: worker and start_together. Each claim is seen where it happened: a worker
waiting on the Event (its own wait() call), the caller setting it (its set() call), each item
put by a worker (its own put() call). While these scenarios run, the caller's set()
first waits until every child is waiting on the event or has ended (hooks.hold_event_sets), so
a worker that does its work without waiting always does it before the set, not only when the
scheduler lets it. That hold helps a program that works only when every worker already waits at
the set, so start_together is then called again the other way round: each worker begins to wait
only once the workers started before it have ended (hooks.hold_event_waits), and one that
clear()s the event after getting through leaves the next waiting forever, every time."""
import multiprocessing
import os

from grader.engine import hooks as _hooks
from grader.engine.values import describe
from grader.judging.checks.common import FAILED, NO_PROCESS, Fail, ran_in_child, safe_repr, text
from grader.judging.scenario import scenario

HOLD_S = 6.0  # how long set() waits for the children, scaled like every timeout
ITEM = 7
N = 4


def _scaled():
    return HOLD_S * float(os.environ.get("MPKIT_TIMEOUT_SCALE") or 1)


def _hold():
    _hooks.hold_event_sets(_scaled())


def _cleared(obs):
    """For a deadlock: a worker cleared the event once it got through, so a worker that began
    waiting after that waits for a set that never comes again."""
    cleared = [e["pid"] for e in obs.of_kind("event_clear") if e.get("pid") != obs.runner_pid]
    return text("event_cleared", call=obs.scenario.call) if cleared else None


def _one_item(results, proc):
    """The first item `proc` puts on `results`, or None if it ended without putting one."""
    from multiprocessing.connection import wait

    ready = wait([results._reader, proc.sentinel])
    if results._reader in ready or results._reader.poll():
        return [results.get()]
    return []


@scenario("worker_waits", points=2, call="worker(start, %d, results)" % ITEM, deadlock_hint="event_deadlock_hint")
def worker_waits(run):
    """worker, run in a child, waits for the start signal and only then puts its number."""
    _hold()
    start, results = multiprocessing.Event(), multiprocessing.Queue()
    proc = multiprocessing.Process(target=run.module.worker, args=(start, ITEM, results))
    proc.start()
    start.set()
    got = _one_item(results, proc)
    proc.join()
    return {"event": _hooks.lock_id(start._flag), "got": describe(got), "child": proc.pid}


def _sets(obs, ident=None):
    return [e["t"] for e in obs.of_kind("event_set") if e.get("pid") == obs.runner_pid
            and (ident is None or e.get("id") == ident)]


def _expect_waited_first(obs, call, workers, ident, set_at):
    """Every worker waited on the event `ident`, and none called put() before it was set."""
    waited = {e["pid"] for e in obs.of_kind("event_wait") if e.get("id") == ident}
    for pid in sorted(workers):
        early = [e for e in obs.of_kind("work_put") if e.get("pid") == pid and e["t"] < set_at]
        gave_up = [e for e in obs.of_kind("event_gave_up") if e.get("pid") == pid and e.get("id") == ident]
        if early and gave_up:  # its wait had a time limit, ran out, and the worker went on
            raise Fail(FAILED, text("event_gave_up", call=call, who=obs.who(pid)))
        if early:
            raise Fail(FAILED, text("event_early", call=call, who=obs.who(pid), at=obs.at_line(early[0].get("at"))))
        if pid not in waited:
            raise Fail(FAILED, text("event_not_waited", call=call, who=obs.who(pid)))


@worker_waits.judge
def _(obs):
    extra, call = obs.extra, worker_waits.call
    sets = _sets(obs, extra["event"])
    _expect_waited_first(obs, call, {extra["child"]}, extra["event"], sets[0] if sets else float("inf"))
    if extra["got"]["repr"] != repr([ITEM]):
        raise Fail(FAILED, text("event_worker_item", call=call, actual=extra["got"]["repr"], item=ITEM))


def _expect_items(record, label, n):
    got = (record["returned"] or {}).get("items")
    if got is None or sorted(got) != sorted(describe(list(range(n)))["items"]):
        raise Fail(FAILED, text("event_items", call=label, actual=record["returned"]["repr"]
                                if record["returned"] else "nothing", expected=safe_repr(list(range(n)))))


def _together(name, n, points, hidden=False):
    label = "start_together(%d)" % n

    @scenario(name, points=points, call=label, hidden=hidden, deadlock_hint="event_deadlock_hint",
              explain_stuck=_cleared)
    def drive(run):
        _hold()
        run.call("start_together", n, label=label)
        if n > 1:  # again, the other way round: each worker waits only after the ones before it ended
            _hooks.hold_event_waits(_scaled())
            run.call("start_together", n, label=label)

    @drive.judge
    def _(obs):
        record = obs.call()
        workers = ran_in_child(obs, record, "worker") & {p["pid"] for p in record["processes"]}
        _expect_items(record, label, n)
        if not all(obs.crossed_from_child(record["returned"])):
            raise Fail(NO_PROCESS, text("event_not_crossed", call=label))
        waited = {e.get("id") for e in obs.of_kind("event_wait") if e["pid"] in workers}
        begin, end = obs.call_window("start_together")
        sets = [e for e in obs.of_kind("event_set") if e.get("pid") == obs.runner_pid
                and (begin is None or e["t"] >= begin) and (end is None or e["t"] <= end)]
        sets = [e for e in sets if e.get("id") in waited] or sets
        if not sets:
            raise Fail(FAILED, text("event_never_set", call=label))
        late = [e for e in obs.starts(record) if e["t"] > sets[0]["t"]]
        if late:
            raise Fail(FAILED, text("event_set_early", call=label, count=len(late), n=len(record["processes"])))
        _expect_waited_first(obs, label, workers, sets[0]["id"], sets[0]["t"])
        for again in obs.calls[1:]:
            _expect_items(again, label, n)

    drive.doc = "start_together(%d) starts %d workers waiting on one Event, sets it after starting " \
                "them all, and returns their numbers; no worker puts its number before the set." % (n, n)
    if n > 1:
        drive.doc += " Called again, each worker waiting only once the ones before it ended."
    return drive


start_together = _together("start_together", N, 3)
start_together_one = _together("start_together_one", 1, 1, hidden=True)
