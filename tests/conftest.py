"""Shared fixtures, and a session-level check that the kit leaves nothing behind: no process
below the test run and no multiprocessing semaphore in /dev/shm."""
import os
import sys
import textwrap
from pathlib import Path

import psutil
import pytest

from grader import grading, manifest, system

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
METHODS = [m for m in ("fork", "spawn", "forkserver") if m in system.start_methods()]
SHM = Path("/dev/shm")


def _semaphores():
    return {p.name for p in SHM.glob("sem.mp-*")} if SHM.is_dir() else set()


def pytest_sessionstart(session):
    session.config._mpkit_shm_before = _semaphores()


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput"):
        return
    grading.close_zygotes()
    left = [p for p in psutil.Process().children(recursive=True) if p.status() != psutil.STATUS_ZOMBIE]
    new_shm = _semaphores() - session.config._mpkit_shm_before
    problems = []
    if left:
        problems.append("processes left behind: %s" % ", ".join(
            "%d %s" % (p.pid, " ".join(p.cmdline())[:80]) for p in left))
    if new_shm:
        problems.append("semaphores left in /dev/shm: %s" % ", ".join(sorted(new_shm)))
    if problems:
        sys.stderr.write("\nmpkit leak check FAILED: %s\n" % "; ".join(problems))
        session.exitstatus = 1


@pytest.fixture(scope="session")
def exercises():
    return manifest.load()


@pytest.fixture
def submit(tmp_path, exercises):
    """submit(folder, source) -> grade(start_method, names=None): verdicts of that module."""
    def make(folder, source):
        exercise = manifest.find(exercises, folder)
        target = tmp_path / "submission" / exercise.folder
        target.mkdir(parents=True, exist_ok=True)
        (target / exercise.filename).write_text(textwrap.dedent(source), encoding="utf-8")

        def grade(method=None, names=None):
            jobs = [j for j in grading.plan(str(tmp_path / "submission"), [exercise],
                                            [method or system.default_start_method()])
                    if names is None or j.scenario.name in names]
            return {v.name: v for v in grading.run_jobs(jobs)}
        return grade
    return make
