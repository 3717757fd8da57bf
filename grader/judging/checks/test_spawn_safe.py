"""17_spawn_safe: scale, scale_all and main, graded as plain pytest tests (docs/authoring.md).

The manifest grades this exercise under spawn and forkserver only (`start_methods`), whatever
start method is asked for: under fork every mistake it teaches about is hidden. A lambda or
nested target fails to pickle in start() (the crash's message says why), a missing
`if __name__ == "__main__":` guard is seen where a child re-runs the module's top level (the
start it makes there), and a global the parent set while running is seen in both processes
(the parent's value at start(), the child's when it begins)."""
import pytest

from grader.engine.stacks import source_line
from grader.engine.values import safe_repr, same
from grader.judging.checks.common import in_wrong_order, text
from grader.judging.checks.spawn_safe_drivers import (call_label, calls_of, command, run_as_script,
                                                      scale_all_late_first)
from grader.judging.judge import globals_cause

MIXED = [0, -4, 2.5, 7, 1]


def why(seen, wrong):
    """What was wrong, after the globals the children saw differ from the caller's (one
    paragraph: an assert's message keeps its first line flush)."""
    return (globals_cause(seen.obs).strip() + " " + wrong).strip()


def check_scale_all(scenario, numbers, factor):
    """scale_all returns each number times factor, in order, each computed by a child running
    scale, also when called a second time in the same program with other numbers; when it is
    wrong, what the children saw of the module's globals says why."""
    label = call_label(numbers, factor)
    seen = scenario.drive(scale_all_late_first, list(numbers), factor, label, label=label)
    if numbers:
        assert seen.ran_in_child("scale")
    for n, (record, each) in enumerate(zip(seen.obs.calls, calls_of(numbers))):
        expected = [number * factor for number in each]
        wrong = wrong_return(record.get("label") or seen.label, record["returned"], expected)
        if n:  # the first call was right: what its children saw of the globals did not break it
            assert same(record["returned"], expected), text("cause_second_call", call=label) + " " + wrong
        assert same(record["returned"], expected), why(seen, wrong)


def wrong_return(label, returned, expected):
    """What was returned instead of `expected`, and, when only the order is wrong, that the
    results were kept as the children finished (the first child's result arrives last)."""
    message = text("wrong_return", call=label, actual=(returned or {}).get("repr", "nothing"),
                   expected=safe_repr(expected))
    return message + (" " + text("results_order") if in_wrong_order(returned, expected) else "")


def check_script(scenario, words, expected):
    """Run as a script, the file prints exactly the expected list, computed by children."""
    seen = scenario.drive(run_as_script, list(words), label=command("spawn_safe_tasks.py", words))
    assert seen.ran_in_child("scale")
    printed = seen.printed("script").get(seen.obs.runner_pid, "")
    if printed.strip() == repr(expected):
        return
    top = [w["at"] for w in seen.writes("script") if (w.get("at") or {}).get("function") == "<module>"]
    if top:  # the file's own top level printed: in the caller, and again in every child importing it
        line = top[0]
        code = source_line(seen.obs.sources, line["file"], line["line"])
        assert False, why(seen, text("spawn_script_top_print", command=seen.label, actual=quoted_lines(printed),
                                     expected=repr(expected), at="%s:%s" % (line["file"], line["line"]),
                                     code=code or "print(...)"))
    order = " " + text("results_order") if sorted(printed.strip()[1:-1].split(", ")) == \
        sorted(repr(expected)[1:-1].split(", ")) else ""
    assert False, why(seen, text("spawn_script_output", command=seen.label, actual=quoted_lines(printed),
                                 expected=repr(expected)) + order)


def quoted_lines(printed, most=6):
    """The lines printed, each quoted whole (up to a line's own length limit); of many lines,
    the first ones and the last, with how many were left out between them."""
    lines = printed.splitlines() or [printed]
    shown = [safe_repr(line, 120) for line in lines]
    if len(shown) > most:
        shown = shown[:most - 2] + [text("lines_left_out", n=len(shown) - most + 1)] + shown[-1:]
    return ", ".join(shown)


@pytest.mark.points(2)
def test_scale_all(scenario):
    """scale_all([1, 2, 3], 10) returns [10, 20, 30], each computed in a child running scale."""
    check_scale_all(scenario, [1, 2, 3], 10)


@pytest.mark.points(1)
def test_scale_all_mixed(scenario):
    """Negative, zero and float numbers, a factor of 3, in order."""
    check_scale_all(scenario, MIXED, 3)


@pytest.mark.points(2)
def test_script(scenario):
    """`python spawn_safe_tasks.py 10 1 2 3` prints [10, 20, 30]: the file is run as the main
    module, and its children import it afresh."""
    check_script(scenario, ["10", "1", "2", "3"], [10, 20, 30])


@pytest.mark.points(1)
@pytest.mark.hidden
def test_scale_all_empty(scenario):
    """scale_all([], 5) returns [] without starting anything."""
    check_scale_all(scenario, [], 5)
