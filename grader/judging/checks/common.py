"""Judging helpers shared by the exercises' checks (run in the grader)."""
from grader.messages import text
from grader.judging.outcomes import FAILED, NO_PROCESS, Fail
from grader.engine.values import describe, safe_repr, same


def expect_return(record, expected):
    if not same(record["returned"], expected):
        actual = record["returned"]["repr"] if record["returned"] else "nothing"
        raise Fail(FAILED, text("wrong_return", call=record["label"], actual=actual,
                                expected=safe_repr(expected)))


def require_child_process(obs, record, worked_in_runner=False):
    """The call must have started at least one process, and not done the work itself."""
    if worked_in_runner:
        raise Fail(NO_PROCESS, text("no_process", call=record["label"], pid=obs.runner_pid))
    if not record["processes"]:
        raise Fail(NO_PROCESS, text("no_process_started", call=record["label"]))


def items_through_a_child(module, function, name, items, points, label, doc, **options):
    """A scenario of check module `module`: `function(items)` must start a child and return
    `items` in order."""
    from grader.judging.scenario import scenario

    @scenario(name, points=points, call=label, module=module, **options)
    def drive(run):
        run.call(function, list(items), label=label)

    @drive.judge
    def _(obs):
        record = obs.call()
        require_child_process(obs, record)
        expect_return(record, items)

    drive.doc = doc + label
    return drive


def printed_by(obs, function):
    """{pid: text} of what each process wrote to stdout while `function` was being called."""
    begin, end = obs.call_window(function)
    by_pid = {}
    for write in obs.writes(begin, end):
        by_pid[write["pid"]] = by_pid.get(write["pid"], "") + write["text"]
    return by_pid


__all__ = ["Fail", "FAILED", "NO_PROCESS", "describe", "expect_return", "items_through_a_child", "printed_by",
           "require_child_process", "safe_repr", "text"]
