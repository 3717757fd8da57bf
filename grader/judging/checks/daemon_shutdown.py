"""16_daemon_shutdown: serve and run_jobs. A worker that never ends by itself is started as a
daemon and stopped with terminate() then join(). Each fact is seen where it happened: the
daemon flag in the start() call itself, terminate() or kill() in the caller with the child it
was called on, the join in the caller's own order of events after it, and the exit code the
caller's Process object got. A worker that is never stopped leaves the caller stuck in join(),
which the supervisor calls a deadlock at once, naming that line."""
import multiprocessing
import signal

from grader.engine.values import describe, safe_repr
from grader.judging.checks.common import FAILED, NO_PROCESS, Fail, each_call, ran_in_child, received_in_caller, text
from grader.judging.judge import unjoined
from grader.judging.outcomes import NOT_JOINED
from grader.judging.scenario import scenario

_SIGKILL = int(getattr(signal, "SIGKILL", signal.SIGTERM))

JOBS = [3, 4]
SERVE = "serve(jobs, results) in a child, given the jobs %s" % JOBS
STOPPED = -signal.SIGTERM  # the same number in multiprocessing on every platform


def _take(q, proc, count):
    """Up to `count` objects `proc` puts on `q` (in the runner), never waiting on a process
    that has ended: one that ended has flushed what it put."""
    from multiprocessing.connection import wait

    got = []
    while len(got) < count:
        if q._reader in wait([q._reader, proc.sentinel]):
            got.append(q.get())
        elif not q._reader.poll():
            break
    return got


@scenario("serve_squares", points=1, call=SERVE, deadlock_hint="shutdown_deadlock_hint")
def serve_squares(run):
    """serve, run in a child, answers each job with its square, in order."""
    jobs, results = multiprocessing.Queue(), multiprocessing.Queue()
    proc = multiprocessing.Process(target=run.module.serve, args=(jobs, results), daemon=True)
    proc.start()
    for n in JOBS:
        jobs.put(n)
    got = _take(results, proc, len(JOBS))
    proc.terminate()
    proc.join()
    return {"got": describe(got)}


@serve_squares.judge
def _(obs):
    expected = [n * n for n in JOBS]
    got = obs.extra["got"]
    if got["digest"] != describe(expected)["digest"]:
        raise Fail(FAILED, text("serve_squares", call=SERVE, actual=got["repr"], expected=safe_repr(expected)))


def _worker(obs, record, numbers):
    """The process the call started to serve: the one where serve ran (the only one started
    when there were no jobs, which it may be stopped before it ran anything for)."""
    if not record["processes"]:
        raise Fail(NO_PROCESS, text("no_process_started", call=record["label"]))
    if not numbers:
        return record["processes"][0]
    servers = ran_in_child(obs, record, "serve")
    return [p for p in record["processes"] if p["pid"] in servers][0]


def _expect_stopped(obs, record, worker):
    """The caller ended `worker` with terminate() during its call, then joined it."""
    begin, end = obs.call_window(record["function"], record)
    pid = worker["pid"]

    def mine(kind):
        return [e for e in obs.of_kind(kind) if e.get("pid") == obs.runner_pid and e.get("child") == pid
                and begin is not None and begin <= e["t"] and (end is None or e["t"] <= end)]

    ends = mine("terminate")
    if not ends:  # still running when the call returned, or, ended by itself, never stopped
        _raise(unjoined(obs))
        if worker["exitcode"] == 0:  # its serve returned: told to stop some other way
            raise Fail(FAILED, text("shutdown_ended_itself", call=record["label"]))
        raise Fail(FAILED, text("shutdown_not_stopped", call=record["label"]))
    joined = [e for e in mine("join_begin") if e["t"] > ends[0]["t"]]
    if all(e.get("signal") == _SIGKILL for e in ends):  # kill(), or os.kill(pid, SIGKILL)
        how = "kill()" if ends[0].get("how") == "kill" else "os.kill(pid, SIGKILL)"
        raise Fail(FAILED, text("shutdown_killed", call=record["label"], how=how) +
                   ("" if joined else " " + text("shutdown_killed_no_join")))
    if not joined:
        raise Fail(NOT_JOINED, text("shutdown_no_join", call=record["label"]))


def _raise(failure):
    if failure:
        raise failure


def _run_jobs(name, numbers, points, hidden=False, twice=False):
    label = "run_jobs(%s)" % safe_repr(numbers)

    # unjoined processes are judged in _expect_stopped: a worker killed and not joined is told
    # of its kill() whether or not reading its exitcode happened to reap it
    @scenario(name, points=points, call=label, hidden=hidden, deadlock_hint="shutdown_deadlock_hint",
              allow_unjoined=True)
    def drive(run):
        for _ in range(2 if twice else 1):  # a program may call it twice
            run.call("run_jobs", list(numbers), label=label)

    @drive.judge
    def _(obs):
        each_call(obs, lambda record: _expect_jobs(obs, record, numbers))

    drive.doc = "%s starts serve as a daemon, takes every answer from it, stops it with " \
                "terminate() and join(), and returns the answers with its exit code." % label
    if twice:
        drive.doc += " Called twice in one program."
    return drive


def _expect_jobs(obs, record, numbers):
    """One call of run_jobs: its daemon worker, stopped and joined, and what it returned."""
    label, squares = record["label"], [n * n for n in numbers]
    worker = _worker(obs, record, numbers)
    _expect_stopped(obs, record, worker)  # before the rest: a missing join is told first
    _raise(unjoined(obs))  # any other process the call left
    start = [e for e in obs.starts(record) if e.get("child") == worker["pid"]]
    if start and not start[0].get("daemon"):
        raise Fail(FAILED, text("shutdown_not_daemon", call=label))
    if worker["exitcode"] != STOPPED:
        raise Fail(FAILED, text("shutdown_code", call=label, code=worker["exitcode"], expected=STOPPED))
    returned = record["returned"] or {}
    expected = (squares, STOPPED)
    if returned.get("type") not in ("tuple", "list") or returned.get("items") != describe(expected)["items"]:
        raise Fail(FAILED, text("shutdown_returned", call=label, actual=returned.get("repr", "nothing"),
                                expected=safe_repr(expected)))
    for square in squares:
        if not received_in_caller(obs, square):
            raise Fail(NO_PROCESS, text("shutdown_not_from_worker", call=label, value=square))


run_jobs_stops = _run_jobs("run_jobs_stops", [2, 5, 7], 3, twice=True)
run_jobs_none = _run_jobs("run_jobs_none", [], 1, hidden=True)
