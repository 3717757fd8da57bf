"""01_process: greet, run_greeting, start_in_background."""
import multiprocessing

from grader.judging import probes
from grader.judging.driving import ungated
from grader.judging.checks.common import (FAILED, Fail, NO_PROCESS, expect_return, printed_by,
                                          ran_in_child, safe_repr, text)
from grader.judging.scenario import scenario

EXIT_CODE = 3


@scenario("greet_prints", points=1, call="greet('world')")
def greet_prints(run):
    """greet prints exactly `hello <name>`."""
    run.call("greet", "world", label="greet('world')")


@greet_prints.judge
def _(obs):
    record = obs.call()
    printed = "".join(printed_by(obs, "greet").values())
    if printed != "hello world\n":
        raise Fail(FAILED, text("wrong_output", call=record["label"], actual=safe_repr(printed),
                                expected=repr("hello world\n")))


def _greet_twice(run):
    """run_greeting('mpkit'), with the child held until the caller waits on it, then again in
    the same interpreter with the child free to run at once (a program may call it twice)."""
    run.call("run_greeting", "mpkit", label="run_greeting('mpkit')")
    ungated()
    run.call("run_greeting", "mpkit", label="run_greeting('mpkit') again")


@scenario("run_greeting_in_child", points=2, call="run_greeting('mpkit')", gate=True)
def run_greeting_in_child(run):
    """run_greeting runs greet in a new process, joins it and returns its exit code (0); called
    twice in one interpreter."""
    _greet_twice(run)


def _greeting_child(obs, record):
    """The process started by run_greeting in which greet ran, and what that process printed.
    What the caller prints (a debug line) is the student's business."""
    greeted = ran_in_child(obs, record, "greet")
    children = [p for p in record["processes"] if p["pid"] in greeted]
    if not children:  # greet ran in a process the caller did not start itself
        raise Fail(NO_PROCESS, text("ran_in_caller", call=record["label"], function="greet",
                                    pid=obs.runner_pid))
    if obs.runner_pid in obs.ran_in("greet"):  # in the child, and a second time here
        raise Fail(FAILED, text("greet_also_in_caller", call=record["label"]))
    child = children[0]
    return child, printed_by(obs, "run_greeting").get(child["pid"], "")


@run_greeting_in_child.judge
def _(obs):
    for record in obs.calls:
        child, printed = _greeting_child(obs, record)
        if printed != "hello mpkit\n":
            raise Fail(FAILED, text("wrong_output", call="greet('mpkit') in the child",
                                    actual=safe_repr(printed), expected=repr("hello mpkit\n")))
        _expect_exit_code(record, child)


def _expect_exit_code(record, child):
    try:
        expect_return(record, child["exitcode"])
    except Fail:
        actual = record["returned"]["repr"] if record["returned"] else "nothing"
        raise Fail(FAILED, text("exit_code_not_child", call=record["label"], actual=actual,
                                code=child["exitcode"]))


@scenario("run_greeting_exit_code", points=1, call="run_greeting('mpkit') with a child that ends with exit code %d" % EXIT_CODE,
          gate=True, hidden=True, expect_child_failure=True, child_exit=EXIT_CODE)
def run_greeting_exit_code(run):
    """run_greeting returns the child's real exit code, also when it is not 0 (the grader makes
    the child end with exit code 3 after greet returns); called twice in one interpreter."""
    _greet_twice(run)


@run_greeting_exit_code.judge
def _(obs):
    for record in obs.calls:
        child, _ = _greeting_child(obs, record)
        _expect_exit_code(record, child)


@scenario("start_in_background", points=2, call="start_in_background(target, *args)",
          allow_unjoined=True, deadlock_hint="background_waits")
def start_in_background(run):
    """start_in_background returns at once a started, alive Process running target(*args)."""
    from multiprocessing.connection import wait
    from multiprocessing.process import BaseProcess

    ready, ready_w = multiprocessing.Pipe(duplex=False)
    release_r, release = multiprocessing.Pipe(duplex=False)
    proc = run.call("start_in_background", probes.wait_for_release, ready_w, release_r, "token",
                    label="start_in_background(target, *args)")
    ready_w.close()
    extra = {"is_process": isinstance(proc, BaseProcess)}
    if not extra["is_process"]:
        return extra
    popen = getattr(proc, "_popen", None)
    extra.update(started=popen is not None, pid=proc.pid,
                 alive=popen is not None and popen.returncode is None)
    if extra["started"]:
        if ready in wait([ready, proc.sentinel]):
            extra["probe_pid"] = ready.recv()
        release.send(True)
        proc.join()
    return extra


@start_in_background.judge
def _(obs):
    record, extra = obs.call(), obs.extra
    probe_pids = [e["pid"] for e in obs.of_kind("probe") if e.get("probe") == "wait_for_release"]
    if not extra.get("is_process"):
        raise Fail(FAILED, text("background_not_process", call=record["label"],
                                actual=record["returned"]["repr"] if record["returned"] else "nothing"))
    if not extra.get("started"):
        raise Fail(FAILED, text("background_not_started", call=record["label"]))
    if extra.get("pid") == obs.runner_pid or obs.runner_pid in probe_pids:
        raise Fail(NO_PROCESS, text("ran_in_caller", call=record["label"], function="target",
                                    pid=obs.runner_pid))
    if extra.get("probe_pid") != extra.get("pid"):
        raise Fail(FAILED, text("background_target", call=record["label"], pids=probe_pids or "none"))
    state = [p for p in record["processes"] if p["pid"] == extra["pid"]]
    if not extra.get("alive") or (state and state[0]["status"] != "alive"):
        raise Fail(FAILED, text("background_not_alive", call=record["label"]))
