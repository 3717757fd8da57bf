"""06_join_timeout: stop and run_with_timeout. The grader decides how long each child takes,
never the clock: a target that ends at once by itself, or one that waits until the grader
releases it, which it does only after the student's function has returned. So "finished" and
"still running when the time was up" are facts of the scenario, whatever the machine's load."""
import multiprocessing

from grader.engine import hooks as _hooks
from grader.engine.values import describe, safe_repr
from grader.judging import probes
from grader.judging.checks.common import FAILED, Fail, NO_PROCESS, each_call, text
from grader.judging.outcomes import NOT_JOINED
from grader.judging.scenario import scenario

EXIT_CODE = 3
LONG = 60  # seconds a target that ends at once is given: far more than it needs
SHORT = 0.3  # seconds a target that never ends by itself is given


def _returned_pair(record, expected):
    """Whether the call returned the pair `expected` (a tuple, or a list of two)."""
    returned = record["returned"] or {}
    wanted = describe(expected)
    return returned.get("type") in ("tuple", "list") and returned.get("items") == wanted["items"]


def _waited_after_terminate(obs, record, child):
    """During `record`'s call, the caller ended `child` with terminate() (or kill(), or os.kill()) and then
    called join() on it, in its own order of events: terminate() only sends a signal, and
    reading exitcode right after it gives the code on one run and None on another."""
    label = record["label"]
    begin, end = obs.call_window(record["function"])

    def mine(kind):
        return [e for e in obs.of_kind(kind) if e.get("pid") == obs.runner_pid and e.get("child") == child
                and begin is not None and begin <= e["t"] and (end is None or e["t"] <= end)]

    ends = mine("terminate")  # terminate(), kill() or os.kill(pid, sig): any signal that stops it
    if not ends:
        raise Fail(FAILED, text("timeout_not_stopped", call=label))
    joins = [e for e in mine("join_begin") if e["t"] > ends[0]["t"]]
    if not joins:
        how = ends[0].get("how", "terminate")
        raise Fail(NOT_JOINED, text("terminate_no_join", call=label,
                                    how="os.kill(p.pid, sig)" if how == "os.kill" else "p.%s()" % how))


def _started_waiting(token):
    """A started grader target that waits to be released, once it is known to be running."""
    from multiprocessing.connection import wait

    ready, ready_w = multiprocessing.Pipe(duplex=False)
    release_r, release = multiprocessing.Pipe(duplex=False)
    proc = multiprocessing.Process(target=probes.wait_for_release, args=(ready_w, release_r, token))
    proc.start()
    ready_w.close()
    if ready in wait([ready, proc.sentinel]):
        ready.recv()
    return proc, release


def _release(proc, release):
    """Let a grader target that is still waiting end, and reap it."""
    if _hooks.process_facts(proc)["returncode"] is None:
        try:
            release.send(True)
        except OSError:
            pass
        proc.join()


@scenario("stop_running", points=1, call="stop(p) with p still running", deadlock_hint="stop_deadlock_hint")
def stop_running(run):
    """stop terminates a process that is still running, joins it and returns its exit code."""
    proc, release = _started_waiting("stop")
    returned = run.call("stop", proc, label="stop(p) with p still running")
    facts = _hooks.process_facts(proc)  # the student may have close()d it
    extra = {"child": facts["pid"], "code": facts["returncode"], "returned_code": describe(returned)}
    _release(proc, release)
    return extra


@stop_running.judge
def _(obs):
    record, extra = obs.call(), obs.extra
    _waited_after_terminate(obs, record, extra["child"])
    if record["returned"]["digest"] != describe(extra["code"])["digest"]:
        raise Fail(FAILED, text("stop_wrong_code", call=record["label"], actual=record["returned"]["repr"],
                                code=extra["code"]))


def _target_child(obs, record):
    """The process the call started in which the grader's target ran."""
    ran = {e["pid"] for e in obs.of_kind("probe") if e.get("probe") in ("finish_with", "wait_for_release")}
    if obs.runner_pid in ran:
        raise Fail(NO_PROCESS, text("ran_in_caller", call=record["label"], function="target",
                                    pid=obs.runner_pid))
    started = [p for p in record["processes"] if p["pid"] in ran]
    if not started:
        raise Fail(FAILED, text("timeout_target", call=record["label"], count=len(record["processes"])))
    return started[0]


def _finishes(name, code, points, hidden=False, twice=False):
    label = "run_with_timeout(target, (), %d) with a target that ends at once%s" % (
        LONG, " with exit code %d" % code if code else "")

    @scenario(name, points=points, call=label, hidden=hidden, expect_child_failure=bool(code))
    def drive(run):
        for _ in range(2 if twice else 1):  # a program may call it twice
            run.call("run_with_timeout", probes.finish_with, (code, name), LONG, label=label)

    @drive.judge
    def _(obs):
        each_call(obs, lambda record: _expect_finished(obs, record, code))

    drive.doc = "run_with_timeout reports a process that ended by itself as finished, with its " \
                "exit code: " + label + ("; called twice in one program." if twice else "")
    return drive


def _expect_finished(obs, record, code):
    """One call of run_with_timeout whose target ended at once, with exit code `code`."""
    child = _target_child(obs, record)
    expected = (True, child["exitcode"])
    if child["exitcode"] != code:
        raise Fail(FAILED, text("timeout_finished_code", call=record["label"], code=child["exitcode"]))
    if not _returned_pair(record, expected):
        raise Fail(FAILED, text("timeout_finished_wrong", call=record["label"],
                                actual=record["returned"]["repr"] if record["returned"] else "nothing",
                                expected=safe_repr(expected)))


finishes_in_time = _finishes("finishes_in_time", 0, 1, twice=True)
finishes_exit_code = _finishes("finishes_exit_code", EXIT_CODE, 1, hidden=True)

STOPPED = "run_with_timeout(target, args, %s) with a target that never ends by itself" % SHORT


@scenario("stopped_after_timeout", points=2, call=STOPPED, deadlock_hint="join_timeout_deadlock_hint")
def stopped_after_timeout(run):
    """run_with_timeout waits at most `timeout` seconds, then terminates and joins a process
    that is still running, and reports it as not finished with its exit code."""
    ready, ready_w = multiprocessing.Pipe(duplex=False)
    release_r, release = multiprocessing.Pipe(duplex=False)
    run.call("run_with_timeout", probes.wait_for_release, (ready_w, release_r, "stopped"), SHORT, label=STOPPED)
    ready_w.close()
    for proc in multiprocessing.active_children():  # one the call left running: let it end
        _release(proc, release)


@stopped_after_timeout.judge
def _(obs):
    record = obs.call()
    if not record["processes"]:
        raise Fail(NO_PROCESS, text("no_process_started", call=record["label"]))
    mine = obs.started_by_student(record)  # not a Manager's server the call started first
    child = ([p for p in record["processes"] if p["pid"] in mine] or record["processes"])[0]
    _waited_after_terminate(obs, record, child["pid"])
    expected = (False, child["exitcode"])
    if not _returned_pair(record, expected):
        raise Fail(FAILED, text("timeout_stopped_wrong", call=record["label"],
                                actual=record["returned"]["repr"] if record["returned"] else "nothing",
                                expected=safe_repr(expected)))
