"""Grade a submission: plan one job per (exercise, scenario, start method), run each under its
own supervisor, in parallel, and judge the reports. One broken job never costs another's grade.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import psutil

from grader import judge as judging
from grader.messages import text
from grader.verdict import CRASHED, TIMEOUT, Verdict

BACKSTOP_EXTRA_S = 30.0
MAX_MODULE_BYTES = 1024 * 1024


class GradingError(Exception):
    """A usage problem (bad folder, bad option): the message names what is at fault."""


def timeout_scale():
    raw = os.environ.get("MPKIT_TIMEOUT_SCALE", "1")
    try:
        scale = float(raw)
    except ValueError:
        raise GradingError("MPKIT_TIMEOUT_SCALE must be a number, not %r" % raw)
    if not scale > 0:
        raise GradingError("MPKIT_TIMEOUT_SCALE must be greater than 0, not %r" % raw)
    return scale


def scenario_timeout(exercise):
    """The wall-clock limit of one scenario: the manifest's, scaled by MPKIT_TIMEOUT_SCALE."""
    return exercise.timeout * timeout_scale()


def backstop_timeout(exercises):
    """For pytest-timeout: longer than any scenario plus the supervisor's cleanup."""
    return max(scenario_timeout(e) for e in exercises) + BACKSTOP_EXTRA_S


@dataclass
class Job:
    submission: str
    exercise: object
    scenario: object
    start_method: str


def plan(submission, exercises, start_methods):
    return [Job(submission, exercise, scenario, method)
            for exercise in exercises
            for scenario in exercise.scenarios()
            for method in start_methods]


def grade(submission, exercises, start_methods, jobs=None, on_verdict=None):
    """Verdicts for every scenario of `exercises` in `submission`, in manifest order."""
    return run_jobs(plan(submission, exercises, start_methods), jobs, on_verdict)


def run_jobs(planned, jobs=None, on_verdict=None):
    """Run jobs `jobs` at a time (default: one per core); verdicts in the order planned."""
    workers = max(1, jobs or os.cpu_count() or 1)

    def one(job):
        verdict = run_job(job)
        if on_verdict:
            on_verdict(verdict)
        return verdict

    if workers == 1:
        return [one(job) for job in planned]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, planned))


def _copy_submission(job, workdir):
    """Copy the exercise's Python files into the scenario's own folder, so nothing the student's
    code does to its files reaches the submission itself."""
    source = os.path.join(job.submission, job.exercise.folder)
    target = os.path.join(workdir, "submission", job.exercise.folder)
    os.makedirs(target)
    if os.path.isdir(source):
        for name in os.listdir(source):
            path = os.path.join(source, name)
            if name.endswith(".py") and os.path.isfile(path) and os.path.getsize(path) <= MAX_MODULE_BYTES:
                shutil.copyfile(path, os.path.join(target, name))
    return target


def supervisor_job(job, workdir, module_dir, timeout):
    exercise = job.exercise
    return {
        "workdir": workdir,
        "module_dir": module_dir,
        "timeout": timeout,
        "gate": job.scenario.gate,
        "limits": dict(exercise.limits, tree_memory_mb=exercise.limits["memory_mb"] * 2),
        "runner": {
            "module": exercise.module,
            "checks": exercise.checks,
            "scenario": job.scenario.name,
            "start_method": job.start_method,
        },
    }


def run_job(job):
    workdir = tempfile.mkdtemp(prefix="mpkit-")
    started = time.monotonic()
    try:
        module_dir = _copy_submission(job, workdir)
        timeout = scenario_timeout(job.exercise)
        report = supervise(supervisor_job(job, workdir, module_dir, timeout), timeout + BACKSTOP_EXTRA_S)
        if report is None:
            status, message, output = CRASHED, text("parent_killed", call=job.scenario.call), ""
        elif report.get("backstop"):
            status, message, output = TIMEOUT, text("backstop", call=job.scenario.call), ""
        else:
            status, message = judging.judge(report, job.scenario, job.exercise, module_dir, timeout)
            output = judging.output_of(report, module_dir)
        events = (report or {}).get("events", [])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return Verdict(exercise=job.exercise.folder, name=job.scenario.name, status=status,
                   max_score=job.scenario.points, message=message, output=output,
                   start_method=job.start_method, duration_s=round(time.monotonic() - started, 3),
                   hidden=job.scenario.hidden, events=events)


def supervise(sup_job, backstop):
    """Run one supervisor; its report, or None if it died without one (the tree is then swept)."""
    proc = subprocess.Popen([sys.executable, "-m", "grader.supervisor"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            env=_supervisor_env())
    try:
        out, _ = proc.communicate(json.dumps(sup_job).encode("utf-8"), timeout=backstop)
    except subprocess.TimeoutExpired:  # the supervisor itself hung: should never happen
        proc.kill()
        proc.communicate()
        sweep(sup_job["workdir"])
        return {"backstop": True}
    except BaseException:  # pytest-timeout or Ctrl-C in the grader: clean up, then go on failing
        proc.kill()
        proc.communicate()
        sweep(sup_job["workdir"])
        raise
    try:
        report = json.loads(out.decode("utf-8")) if proc.returncode == 0 else None
    except ValueError:
        report = None
    if report is None:
        sweep(sup_job["workdir"])
    return report


def _supervisor_env():
    env = dict(os.environ)
    grader_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (grader_parent, env.get("PYTHONPATH")) if p)
    return env


def sweep(workdir):
    """Kill whatever is left of a scenario whose supervisor could not clean up: every process
    whose environment points into this scenario's folder (setsid escapees included)."""
    marker = os.path.join(workdir, "events")
    for proc in psutil.process_iter():
        try:
            if proc.pid != os.getpid() and proc.environ().get("MPKIT_EVENTS_DIR") == marker:
                proc.kill()
        except (psutil.Error, OSError):
            pass
