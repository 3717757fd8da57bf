"""02_queue: produce and collect."""
import multiprocessing

from grader.judging.checks.common import (FAILED, Fail, drain, explain_gave_up, items_through_a_child, received_in_caller,
                                          safe_repr, text)
from grader.judging.scenario import scenario
from grader.engine.values import describe, same

TUTORIAL = [11, None, "lily"]
MIXED = [0, -1.5, "二", b"\x00bytes", (1, 2), {"k": [1, 2]}, None, True, "STOP?"]
LARGE = ["a" * 3000000, 42, "b" * 3000000, "c" * 3000000]


@scenario("produce_in_child", points=1, call="produce(q, [11, None, 'lily'])")
def produce_in_child(run):
    """produce puts every item in order, then STOP, when run in a child process."""
    q = multiprocessing.Queue()
    proc = multiprocessing.Process(target=run.module.produce, args=(q, TUTORIAL))
    proc.start()
    got = drain(q, proc, "STOP")
    proc.join()
    return {"got": describe(got), "stop": getattr(run.module, "STOP", None)}


@produce_in_child.judge
def _(obs):
    expected = TUTORIAL + ["STOP"]
    if obs.extra.get("stop") != "STOP":
        raise Fail(FAILED, text("stop_changed"))
    if not same(obs.extra["got"], expected):
        raise Fail(FAILED, text("produce_items", items=safe_repr(TUTORIAL),
                                actual=obs.extra["got"]["repr"], expected=safe_repr(expected)))


def _stop_arrived(obs):
    """A collect stuck after STOP arrived compares it wrongly (`is`, or not at all)."""
    if received_in_caller(obs, "STOP"):
        return text("sentinel_arrived")
    return explain_gave_up(obs)


def _collect(name, items, points, label, hidden=False):
    return items_through_a_child(
        __name__, "collect", "produce", name, items, points, label, hidden=hidden,
        deadlock_hint="queue_deadlock_hint", end_marker="STOP", explain_stuck=_stop_arrived,
        doc="collect returns every item in order from a child running produce: ")


collect_tutorial = _collect("collect_tutorial", TUTORIAL, 1, "collect([11, None, 'lily'])")
collect_mixed = _collect("collect_mixed", MIXED, 1, "collect(%s)" % safe_repr(MIXED, 80))
collect_empty = _collect("collect_empty", [], 1, "collect([])", hidden=True)
collect_large = _collect("collect_large", LARGE, 2, "collect(items of 3 MB each)", hidden=True)
