"""07_child_errors: run_task, run_all and exit_codes. The grader's own task (probes.task) records
in which process it ran and with which argument; what each child sent is seen by the pickler;
the exit codes are the ones the runner read for the processes the call started."""
import multiprocessing
import os

from grader.engine import hooks as _hooks
from grader.engine.values import describe, digest, safe_repr, same
from grader.judging import probes
from grader.judging.checks.common import (FAILED, Fail, NO_PROCESS, drain, each_call, expect_in_order, own_workers,
                                          text)
from grader.judging.driving import ungated
from grader.judging.scenario import scenario

MIXED = [3, -2, 4, -5]
HOLD_S = 6.0  # how long the first child's put waits for the others to end, scaled like every timeout
CODES = [3, -2, 107]


def outcome(x):
    """What run_task reports for probes.task(x): (True, value) or (False, "Type: message")."""
    if x < 0:
        return False, "ValueError: negative: %d" % x
    return True, x * x


def expected_exit(x):
    return 1 if x < 0 else (x - 100 if x >= 100 else 0)


def _run_task(name, index, arg):
    label = "run_task(results, %d, task, %d)" % (index, arg)

    @scenario(name, points=1, call=label)
    def drive(run):
        results = multiprocessing.Queue()
        proc = multiprocessing.Process(target=run.module.run_task, args=(results, index, probes.task, arg))
        proc.start()
        got = drain(results, proc)
        proc.join()
        return {"got": describe(got)}

    @drive.judge
    def _(obs):
        expected = [(index,) + outcome(arg)]
        if not same(obs.extra["got"], expected):
            raise Fail(FAILED, text("run_task_put", call=label, actual=obs.extra["got"]["repr"],
                                    expected=safe_repr(expected)))

    drive.doc = "run_task, run in a child, puts (index, ok, value or 'Type: message'): " + label
    return drive


run_task_value = _run_task("run_task_value", 5, 3)
run_task_error = _run_task("run_task_error", 6, -2)


def _from_children(obs):
    """Digests of every value the caller received from bytes another process pickled, and of
    the items of each tuple or list so received."""
    sent_elsewhere = {e.get("bytes") for e in obs.of_kind("sent") if e.get("pid") != obs.runner_pid}
    found = set()
    for event in obs.of_kind("received"):
        if event.get("pid") == obs.runner_pid and event.get("bytes") in sent_elsewhere:
            found.add(event.get("value"))
            found.update(event.get("items") or [])
    return found


def _run_all(name, args, points, hidden=False, twice=False):
    label = "run_all(task, %s)" % safe_repr(args)
    expected = [outcome(x)[1] for x in args]

    @scenario(name, points=points, call=label, hidden=hidden, deadlock_hint="run_all_deadlock_hint")
    def drive(run):
        # the first child's outcome arrives last: results kept as they arrive are always out of order
        _hooks.hold_first_put(len(args), HOLD_S * float(os.environ.get("MPKIT_TIMEOUT_SCALE") or 1))
        run.call("run_all", probes.task, list(args), label=label)
        if twice:  # a program may call it twice; held once only: a program that runs one child at
            # a time, getting its outcome before the next starts, waits out the hold's deadline each time
            run.call("run_all", probes.task, list(args), label=label)

    @drive.judge
    def _(obs):
        if obs.runner_pid in obs.ran_in("run_task"):
            raise Fail(NO_PROCESS, text("ran_in_caller", call=label, function="run_task", pid=obs.runner_pid))
        arrived = _from_children(obs)

        def check(record):
            own_workers(obs, record, "run_task", len(args))
            expect_in_order(record, expected)
            missing = [repr(item) for item in expected if digest(item) not in arrived]
            if missing:
                raise Fail(NO_PROCESS, text("not_crossed", call=label, function="run_task", missing=", ".join(missing)))
        each_call(obs, check)

    drive.doc = "run_all returns each task's value or error string, in order, each from a child: " + label
    if twice:
        drive.doc += "; called twice in one program."
    return drive


run_all_mixed = _run_all("run_all_mixed", MIXED, 2, twice=True)
run_all_empty = _run_all("run_all_empty", [], 1, hidden=True)

EXIT_LABEL = "exit_codes(task, %s)" % safe_repr(CODES)


@scenario("exit_codes", points=2, call=EXIT_LABEL, gate=True, expect_child_failure=True)
def exit_codes(run):
    """exit_codes returns the exit code of each child that ran the task, read after join: 0 when
    it returned, 1 when it raised, n after sys.exit(n). The grader holds each child at its start
    until the caller first waits on it, so an exit code read before join() is always None; then
    calls it again with the children free to run at once, so the gate does not help either."""
    run.call("exit_codes", probes.task, list(CODES), label=EXIT_LABEL)
    ungated()
    run.call("exit_codes", probes.task, list(CODES), label=EXIT_LABEL)


@exit_codes.judge
def _(obs):
    tasks = [e for e in obs.of_kind("probe") if e.get("probe") == "task"]
    if any(e["pid"] == obs.runner_pid for e in tasks):
        raise Fail(NO_PROCESS, text("ran_in_caller", call=EXIT_LABEL, function="task", pid=obs.runner_pid))
    for record in obs.calls:
        _expect_exit_codes(record, tasks)


def _expect_exit_codes(record, tasks):
    """The exit code of each task's child, as the runner read it, returned in order."""
    codes = {p["pid"]: p["exitcode"] for p in record["processes"]}
    by_arg = {e.get("token"): e["pid"] for e in tasks if e["pid"] in codes}
    if set(by_arg) != set(CODES) or any(pid not in codes for pid in by_arg.values()):
        raise Fail(FAILED, text("exit_codes_processes", call=EXIT_LABEL, n=len(CODES)))
    for x in CODES:
        if codes[by_arg[x]] != expected_exit(x):
            raise Fail(FAILED, text("exit_code_changed", call=EXIT_LABEL, arg=x, code=codes[by_arg[x]],
                                    expected=expected_exit(x)))
    real = [codes[by_arg[x]] for x in CODES]
    if not same(record["returned"], real):
        raise Fail(FAILED, text("exit_codes_wrong", call=EXIT_LABEL, expected=safe_repr(real),
                                actual=record["returned"]["repr"] if record["returned"] else "nothing"))
