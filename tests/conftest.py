"""Shared fixtures, and a session-level check that the kit leaves nothing behind: no process
below the test run, and none of the semaphores its scenarios made still in /dev/shm."""
import os
import shutil
import sys
import tempfile
import uuid
import textwrap
from pathlib import Path

import psutil
import pytest

from grader import grading
from grader.course import manifest
from grader.engine import system, workers

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
METHODS = [m for m in ("fork", "spawn", "forkserver") if m in system.start_methods()]
SHM = Path("/dev/shm")


CGROUP_ROOTS = [Path("/sys/fs/cgroup/pids"), Path("/sys/fs/cgroup/memory")]


def cgroup_folders():
    """Every mpkit-* cgroup folder of the v1 pids and memory hierarchies (the supervisor makes
    one per scenario, named after its pid, below its own cgroup)."""
    found = set()

    def walk(folder, depth):
        try:
            entries = list(os.scandir(folder))
        except OSError:  # removed meanwhile
            return
        for entry in entries:
            try:
                if not entry.is_dir(follow_symlinks=False):
                    continue
            except OSError:
                continue
            if entry.name.startswith("mpkit-"):
                found.add(entry.path)
            elif depth < 4:
                walk(entry.path, depth + 1)

    for root in CGROUP_ROOTS:
        walk(str(root), 0)
    return found


class OwnCgroups:
    """A pids and a memory cgroup of one test's own, for the grading it starts: the supervisor
    makes its scenarios' cgroups below its own, so what is found below these is this test's
    alone, whatever other gradings on the machine make and remove meanwhile. Where there are
    no v1 cgroups to make (not root, cgroup v2), `folders` is empty and nothing is compared."""

    def __init__(self):
        self.folders = []
        for root in CGROUP_ROOTS:
            folder = root / ("mpkit-test-%d-%s" % (os.getpid(), uuid.uuid4().hex[:8]))
            try:
                folder.mkdir()
            except OSError:
                continue
            self.folders.append(folder)

    def enter(self):
        """preexec_fn: move the process about to exec (the grading CLI) in."""
        for folder in self.folders:
            (folder / "cgroup.procs").write_text(str(os.getpid()))

    def below(self):
        """The cgroup folders made below ours (the scenarios' left behind)."""
        return sorted(str(p) for folder in self.folders if folder.is_dir()
                      for p in folder.rglob("*") if p.is_dir())

    def remove(self):
        """Remove ours, and whatever was left below them (reported by below() before)."""
        for folder in self.folders:
            for inner in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
                _rmdir_quietly(inner)
            _rmdir_quietly(folder)


def _rmdir_quietly(folder):
    try:
        folder.rmdir()
    except OSError:  # not empty of processes yet: the kernel removes nothing still in use
        pass


def pytest_sessionstart(session):
    # every grading in this session, in this process or below it, notes the semaphores it made
    log = Path(tempfile.mkdtemp(prefix="mpkit-tests-")) / "semaphores.log"
    log.touch()
    os.environ["MPKIT_SEMAPHORE_LOG"] = str(log)
    # Most tests watch a scenario through the file system (a pid file in tmp_path, the log
    # above), which users of their own with a private /tmp cannot reach: they test the layers
    # every user gets. test_privileges.py and test_verify.py turn users of their own on, and
    # .ci/run's flake hunt grades with the default (on, as root).
    os.environ.setdefault("MPKIT_SEPARATE_USERS", "0")


def _semaphores_left():
    names = Path(os.environ["MPKIT_SEMAPHORE_LOG"]).read_text(encoding="utf-8").split()
    return sorted(n for n in set(names) if (SHM / ("sem." + n.lstrip("/"))).exists())


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput"):
        return
    workers.close_zygotes()
    left = [p for p in psutil.Process().children(recursive=True) if p.status() != psutil.STATUS_ZOMBIE]
    problems = []
    if left:
        problems.append("processes left behind: %s" % ", ".join(
            "%d %s" % (p.pid, " ".join(p.cmdline())[:80]) for p in left))
    leaked = _semaphores_left()
    shutil.rmtree(os.path.dirname(os.environ["MPKIT_SEMAPHORE_LOG"]), ignore_errors=True)
    if leaked:
        problems.append("semaphores left in /dev/shm: %s" % ", ".join(leaked))
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
