"""13_barrier: phased and run_phases. The grader's own task (probes.Phases) records each
phase where it runs; item 0's first phase is held until every other worker is past its own
first phase (waiting, on a Barrier or anything else with no time limit, in its second phase, or
ended), so a worker that does not wait for the others is caught every time; with two workers,
item 1's is held instead, so that no one order of arrival helps. What is judged is the order in
which the phases' work happened, whatever the workers waited on: a Barrier, a Manager's
Barrier, a barrier of the student's own making."""
import multiprocessing
import os
import time

from grader.judging import probes
from grader.judging.checks.common import FAILED, NO_PROCESS, Fail, each_call, ran_in_child, safe_repr, text
from grader.judging.scenario import scenario

HOLD_S = 6.0  # how long item 0's first phase waits for the others, scaled like every timeout
GRACE_S = 0.5  # where the OS cannot say that a worker waits: a worker quiet this long after phase 1
N = 4


def _phases(obs, since=None, until=None):
    return [e for e in obs.of_kind("probe") if e.get("probe") == "phase"
            and (since is None or e["t"] >= since) and (until is None or e["t"] <= until)]


@scenario("phased_calls", points=1, call="phased(barrier, work, 5)", deadlock_hint="barrier_deadlock_hint")
def phased_calls(run):
    """phased calls work(1, i), waits at the barrier, then calls work(2, i)."""
    barrier = multiprocessing.Barrier(1)
    run.call("phased", barrier, probes.Phases(1, 0), 5, label=phased_calls.call)


@phased_calls.judge
def _(obs):
    call = phased_calls.call
    done = [(e.get("phase"), e.get("item")) for e in _phases(obs)]
    if done != [(1, 5), (2, 5)]:
        raise Fail(FAILED, text("phases_calls", call=call, actual=safe_repr(done)))
    waits = [e["t"] for e in obs.of_kind("barrier_wait")]
    phase = {e.get("phase"): e["t"] for e in _phases(obs)}
    if not any(phase[1] <= t <= phase[2] for t in waits):
        raise Fail(FAILED, text("phases_no_wait", call=call))


def _run_phases(name, n, points, hidden=False, held=0, twice=False):
    label = "run_phases(work, %d)" % n

    @scenario(name, points=points, call=label, hidden=hidden, deadlock_hint="barrier_deadlock_hint")
    def drive(run):
        scale = float(os.environ.get("MPKIT_TIMEOUT_SCALE") or 1)
        for _ in range(2 if twice else 1):  # a program may call it twice; each call held alike
            since = time.monotonic()
            stop = probes.watch_phase_waits(GRACE_S * scale, HOLD_S * scale, held, since)
            try:
                run.call("run_phases", probes.Phases(n, HOLD_S * scale, held, since), n, label=label)
            finally:
                stop()

    @drive.judge
    def _(obs):
        each_call(obs, lambda record: _expect_phases(obs, record, n))

    drive.doc = "%s runs both phases of every item in child processes, and no second phase " \
                "begins before every first phase is over." % label
    if held:
        drive.doc += " Item %d's first phase is the one held until the others are past theirs." % held
    if twice:
        drive.doc += " Called twice in one program."
    return drive


def _expect_phases(obs, record, n):
    """One call of run_phases: both phases of every item, in children, in order."""
    label = record["label"]
    ran_in_child(obs, record, "phased")
    done = _phases(obs, *obs.call_window("run_phases", record))
    if any(e["pid"] == obs.runner_pid for e in done):
        raise Fail(NO_PROCESS, text("phases_in_caller", call=label, pid=obs.runner_pid))
    got = sorted((e.get("phase"), e.get("item")) for e in done)
    expected = sorted((phase, i) for phase in (1, 2) for i in range(n))
    if got != expected:
        raise Fail(FAILED, text("phases_items", call=label, actual=safe_repr(got), expected=safe_repr(expected)))
    ones = [e for e in done if e.get("phase") == 1]
    twos = [e for e in done if e.get("phase") == 2]
    last_one, first_two = max(ones, key=lambda e: e["t"]), min(twos, key=lambda e: e["t"])
    if first_two["t"] < last_one["t"]:
        raise Fail(FAILED, text("phases_overtaken", call=label, ahead=first_two.get("item"),
                                behind=last_one.get("item")))


run_phases_order = _run_phases("run_phases_order", N, 3)
# with the other item's first phase held, so that no one order of arrival helps
run_phases_two = _run_phases("run_phases_two", 2, 1, hidden=True, held=1, twice=True)
