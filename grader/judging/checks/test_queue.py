"""02_queue: produce and collect, written as plain pytest tests (docs/authoring.md)."""
import pytest

from grader.engine.values import safe_repr
from grader.judging.checks.common import explain_gave_up, received_in_caller, text
from grader.judging.checks.queue_drivers import collect_twice, produce_in_a_child

TUTORIAL = [11, None, "lily"]
MIXED = [0, -1.5, "二", b"\x00bytes", (1, 2), {"k": [1, 2]}, None, True, "STOP?"]
LARGE = ["a" * 3000000, 42, "b" * 3000000, "c" * 3000000]


def stop_arrived(obs):
    """A collect stuck after STOP arrived compares it wrongly (`is`, or not at all)."""
    if received_in_caller(obs, "STOP"):
        return text("sentinel_arrived")
    return explain_gave_up(obs)


def check_collect(scenario, items, label, twice=False):
    """collect returns every item in order from a child running produce; `twice`: called twice
    in one program, the second call judged like the first."""
    if twice:
        seen = scenario.drive(collect_twice, list(items), label, label=label,
                              deadlock_hint="queue_deadlock_hint", explain_stuck=stop_arrived)
    else:
        seen = scenario.call("collect", list(items), label=label, deadlock_hint="queue_deadlock_hint",
                             explain_stuck=stop_arrived)
    for each in [seen] + seen.later_calls():
        assert each.ran_in_child("produce")
        assert each.stream_ended(items, end_marker="STOP")
        assert each.returned == items, each.again + text("wrong_return", call=label, actual=repr(each.returned),
                                                         expected=safe_repr(items))
        assert each.crossed_from_child(items, "produce")


@pytest.mark.points(1)
def test_produce_in_child(scenario):
    """produce puts every item in order, then STOP, when run in a child process."""
    seen = scenario.drive(produce_in_a_child, TUTORIAL, label="produce(q, [11, None, 'lily'])")
    expected = TUTORIAL + ["STOP"]
    assert seen.extra["stop"] == "STOP", text("stop_changed")
    assert seen.value("got") == expected, text("produce_items", items=safe_repr(TUTORIAL),
                                               actual=repr(seen.value("got")), expected=safe_repr(expected))


@pytest.mark.points(1)
def test_collect_tutorial(scenario):
    """collect returns every item in order from a child running produce; called twice in one program."""
    check_collect(scenario, TUTORIAL, "collect([11, None, 'lily'])", twice=True)


@pytest.mark.points(1)
def test_collect_mixed(scenario):
    check_collect(scenario, MIXED, "collect(%s)" % safe_repr(MIXED, 80))


@pytest.mark.points(1)
@pytest.mark.hidden
def test_collect_empty(scenario):
    check_collect(scenario, [], "collect([])")


@pytest.mark.points(2)
@pytest.mark.hidden
def test_collect_large(scenario):
    check_collect(scenario, LARGE, "collect(['a' * 3000000, 42, 'b' * 3000000, 'c' * 3000000])")
