"""15_shared_array: fill_squares and parallel_squares. Which process wrote each element of the
Array, and the value it wrote, is seen in the writing process (hooks: `array_write`), so the
judge knows the values returned were put into shared memory by the children, not by the caller;
a plain list handed to the children is told by the absence of any such write from them. That
the children worked at the same time is told by the caller's own order of events: every child
started before the first one was waited for, never by the clock."""
import multiprocessing

from grader.judging.checks.common import (FAILED, NO_PROCESS, Fail, each_call, expect_return, ran_in_child,
                                          safe_repr, text)
from grader.judging.scenario import scenario

SLICE = "fill_squares(arr, 2, 6) with arr = Array('i', 8)"


@scenario("fill_squares_slice", points=1, call=SLICE, deadlock_hint="array_deadlock_hint")
def fill_squares_slice(run):
    """fill_squares writes i * i into arr[i] for its slice, and leaves the rest alone."""
    arr = multiprocessing.Array("i", 8)
    run.call("fill_squares", arr, 2, 6, label=SLICE)
    return {"contents": list(arr)}


@fill_squares_slice.judge
def _(obs):
    expected = [0, 0, 4, 9, 16, 25, 0, 0]
    if obs.extra["contents"] != expected:
        raise Fail(FAILED, text("array_slice", call=SLICE, actual=safe_repr(obs.extra["contents"]),
                                expected=safe_repr(expected)))


def _written(obs, record, fillers):
    """{index: (value, pid)}: the last value a child running fill_squares wrote at each index
    of the Array, during `record`'s call; a Fail when the caller wrote into it itself, or when
    no child wrote into any Array at all."""
    begin, end = obs.call_window(record["function"], record)
    writes = [e for e in obs.of_kind("array_write")
              if (begin is None or e["t"] >= begin) and (end is None or e["t"] <= end)]
    mine = [e for e in writes if e["pid"] == obs.runner_pid]
    if mine:
        raise Fail(NO_PROCESS, text("array_written_by_caller", call=record["label"],
                                    index=mine[0]["at"][0], pid=obs.runner_pid))
    written = {}
    for event in writes:
        if event["pid"] in fillers:
            for index, value in zip(event["at"], event["values"]):
                written[index] = (value, event["pid"])
    if not written:
        raise Fail(FAILED, text("array_not_shared", call=record["label"]))
    return written


def _expect_side_by_side(obs, record, fillers):
    """In the caller's own order of events, every filler was started before the first one was
    waited for: start them all, then join them all."""
    order = [e for e in obs.events if e.get("pid") == obs.runner_pid
             and e.get("kind") in ("start", "join_begin") and e.get("child") in fillers]
    joined = [i for i, e in enumerate(order) if e["kind"] == "join_begin"]
    late = [e for e in order[joined[0]:] if e["kind"] == "start"] if joined else []
    if late:
        raise Fail(FAILED, text("array_one_at_a_time", call=record["label"]))


def _squares(name, n, n_processes, points, hidden=False, twice=False):
    label = "parallel_squares(%d, %d)" % (n, n_processes)

    @scenario(name, points=points, call=label, hidden=hidden, deadlock_hint="array_deadlock_hint")
    def drive(run):
        for _ in range(2 if twice else 1):  # a program may call it twice
            run.call("parallel_squares", n, n_processes, label=label)

    @drive.judge
    def _(obs):
        each_call(obs, lambda record: _expect_squares(obs, record, n, n_processes))

    drive.doc = "%s returns the squares, each written into one shared Array by one of %d child " \
                "processes running fill_squares side by side; all are joined." % (label, n_processes)
    if twice:
        drive.doc += " Called twice in one program."
    return drive


def _expect_squares(obs, record, n, n_processes):
    """One call of parallel_squares: its children's writes into the Array, and what it returned."""
    label, expected = record["label"], [i * i for i in range(n)]
    fillers = ran_in_child(obs, record, "fill_squares") & {p["pid"] for p in record["processes"]}
    written = _written(obs, record, fillers)
    missing = [i for i in range(n) if i not in written]
    if missing:
        raise Fail(FAILED, text("array_missing", call=label, missing=safe_repr(missing, 80)))
    writers = {pid for _, pid in written.values()}
    if len(writers) != n_processes:
        raise Fail(FAILED, text("array_writers", call=label, count=len(writers), n=n_processes))
    _expect_side_by_side(obs, record, fillers)
    expect_return(record, expected)
    wrong = [i for i in range(n) if written[i][0] != expected[i]]
    if wrong:
        raise Fail(FAILED, text("array_child_values", call=label, index=wrong[0],
                                value=safe_repr(written[wrong[0]][0]), expected=expected[wrong[0]]))


squares_from_children = _squares("squares_from_children", 12, 3, 3, twice=True)
squares_uneven = _squares("squares_uneven", 10, 4, 1, hidden=True)
