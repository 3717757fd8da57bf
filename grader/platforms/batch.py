"""`mpkit grade-batch`: a class graded on one machine, scenarios of every student sharing one
bounded pool, each student's record kept the moment it is complete (see ledger), so a rerun
after Ctrl-C or a crash skips whoever is done. A submission that hangs, crashes, floods or is
malformed costs only its own scenarios' time and gets its own row with the reason.
"""
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from grader import grading
from grader.engine.workers import close_zygotes, resume as resume_scenarios, stop as stop_scenarios
from grader.messages import text
from grader.platforms import ledger, submissions
from grader.reports import escapes


# a class's scenarios spend much of their time waiting (deadlocks settling, timeouts, children
# starting), so two per core keep the cores busy: bench/notebooks.py measures -j
JOBS_PER_CORE = 2


class BatchError(Exception):
    """A problem with the class as a whole (the folder, the state folder); names what."""


@dataclass
class Student:
    name: str
    path: str
    submission: object = None
    slots: list = field(default_factory=list)   # verdicts in plan order, None until graded
    waiting: int = 0
    key: str = ""
    problem: str = ""


def students_in(folder, exercises, where="SUBMISSIONS"):
    """One student per sub-folder or .zip of `folder`, sorted by name; a zip is named without
    .zip unless a sub-folder has that name. A name is one line of text whatever the folder's
    name holds (escapes.name: control characters, bytes that are not UTF-8), and no two
    students share one."""
    if not os.path.isdir(folder):
        raise BatchError("%s: %r is not a folder" % (where, folder))
    names = sorted(os.listdir(folder))
    if any(e.folder in names for e in exercises):
        raise BatchError("%s: %r holds exercise folders (%s), so it is one submission, not a class: "
                         "give a folder with one sub-folder or one .zip per student"
                         % (where, folder, ", ".join(e.folder for e in exercises if e.folder in names)))
    found = []
    for name in names:
        path = os.path.join(folder, name)
        if name.startswith(".") or os.path.islink(path):
            continue
        if os.path.isdir(path):
            found.append(Student(name, path))
        elif name.lower().endswith(".zip") and os.path.isfile(path):
            stem = name[:-4]
            found.append(Student(name if stem in names else stem, path))
    if not found:
        raise BatchError("%s: %r holds no sub-folder and no .zip: give a folder with one "
                         "sub-folder or one .zip per student" % (where, folder))
    taken = set()
    for student in found:
        student.name = escapes.name(student.name)
        while student.name in taken:  # "a\x1b" beside a name that holds ESC
            student.name += "~"
        taken.add(student.name)
    return sorted(found, key=lambda s: s.name)


def shard(students, k, n):
    """The k-th (1-based) of n stable slices of the class, by sorted name."""
    return [s for index, s in enumerate(students) if index % n == k - 1]


def settings_of(exercises, methods):
    return {"exercises": [e.folder for e in exercises], "start_methods": list(methods),
            "timeouts": [grading.scenario_timeout(e) for e in exercises],
            "limits": [e.limits for e in exercises]}


class Progress:
    """A rich progress bar with the time left at a terminal; plain lines anywhere else."""

    def __init__(self, total_jobs, total_students, stream=None):
        from rich.console import Console

        self.console = Console(file=stream or sys.stderr)  # the stderr of now, not of the import
        self.students, self.done = total_students, 0
        self.bar = None
        if self.console.is_terminal:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self.bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("scenarios"), TimeElapsedColumn(), TextColumn("elapsed,"),
                           TimeRemainingColumn(), TextColumn("left"), console=self.console,
                           transient=True)
            self.task = self.bar.add_task(self._label(), total=total_jobs)
            self.bar.start()

    def _label(self):
        return "%d/%d students" % (self.done, self.students)

    def scenario(self, count=1):
        if self.bar and count:
            self.bar.advance(self.task, count)

    def skipped(self):
        """A student whose record is up to date: counted, not printed."""
        self.done += 1
        if self.bar:
            self.bar.update(self.task, description=self._label())

    def student(self, name, score, max_score, graded=True):
        self.done += 1
        if self.bar:
            self.bar.update(self.task, description=self._label())
        else:
            self.console.print("[%d/%d] %s: %s" % (self.done, self.students, name,
                                                  "%g/%g" % (score, max_score) if graded
                                                  else "failed to grade"),
                               markup=False, highlight=False, soft_wrap=True)

    def close(self):
        if self.bar:
            self.bar.stop()


@dataclass
class Outcome:
    graded: int = 0
    skipped: int = 0
    failed: int = 0
    interrupted: bool = False
    records: dict = field(default_factory=dict)


def grade_class(students, exercises, methods, state_dir, jobs=None, force=False, hide=()):
    """Grade `students`, keeping a record per student in `state_dir` as each one is done;
    students with a record of the same submission and settings are skipped unless `force`.
    No scenario sees the class's submissions, the state or the folders of `hide` (where the
    grades and feedback go): a student's code would read its classmates' there."""
    grading.check_environment()
    try:
        os.makedirs(state_dir, exist_ok=True)
    except OSError as exc:
        raise BatchError("--state: cannot make %r: %s" % (state_dir, exc.strerror))
    settings = settings_of(exercises, methods)
    outcome = Outcome()
    workroot = tempfile.mkdtemp(prefix="mpkit-batch-")
    off_limits = {os.path.dirname(os.path.abspath(s.path)) for s in students} | {state_dir, *hide}
    try:
        with grading.also_off_limits(sorted(off_limits)):
            _run(students, exercises, methods, _Class(settings, state_dir, workroot, force), jobs, outcome)
    finally:
        shutil.rmtree(workroot, ignore_errors=True)
    return outcome


@dataclass
class _Class:
    settings: dict
    state_dir: str
    workroot: str
    force: bool


def _prepare(student, index, exercises, batch, outcome):
    """Unpack one student's submission (bounded: submissions.Budget), as grading reaches them:
    True when the student is to be graded, False when an up-to-date record is kept."""
    try:
        student.submission = submissions.unpack(student.path, exercises,  # never through a link
                                                os.path.join(batch.workroot, str(index)),
                                                within=os.path.dirname(student.path))
    except submissions.Unreadable as exc:
        student.problem = text("note_unreadable", detail=exc)
    except Exception as exc:  # the kit's own failure on this submission: this student only
        student.problem = text("internal_error", detail="%s: %s" % (type(exc).__name__, exc))
    else:
        student.key = hashlib.sha256(json.dumps([batch.settings, student.submission.digest])
                                     .encode("utf-8")).hexdigest()
    old = ledger.load(batch.state_dir, student.name)
    if not batch.force and old and old["graded"] and old["key"] == student.key:
        outcome.skipped += 1
        outcome.records[student.name] = old
        return False
    return True


def _finish(student, batch, outcome, progress):
    verdicts = [] if student.problem else student.slots
    if student.problem:
        rec = ledger.record(student.name, student.key, batch.settings, [], [student.problem], graded=False)
        outcome.failed += 1
    else:
        rec = ledger.record(student.name, student.key, batch.settings, verdicts, student.submission.notes())
        outcome.graded += 1
    ledger.save(batch.state_dir, rec)
    outcome.records[student.name] = rec
    progress.student(student.name, sum(v.score for v in verdicts), sum(v.max_score for v in verdicts),
                     not student.problem)


def _start(student, exercises, methods, pool, running):
    """Submit the student's scenarios to the pool; how many of them were known already."""
    known = 0
    for slot, (job, verdict) in enumerate(submissions.plan(student.submission, exercises, methods)):
        student.slots.append(verdict)
        if verdict is None:
            running[pool.submit(grading.run_job, job)] = (student, slot)
            student.waiting += 1
        else:
            known += 1
    return known


def _run(students, exercises, methods, batch, jobs, outcome):
    """Students are unpacked one by one as the pool has room for their scenarios: one costly
    submission delays only its own row, and grading starts with the first student."""
    workers = max(1, jobs or JOBS_PER_CORE * (os.cpu_count() or 1))
    per_student = len(grading.plan("", exercises, methods))
    progress = Progress(per_student * len(students), len(students))
    pool = ThreadPoolExecutor(max_workers=workers)
    running, waiting = {}, list(enumerate(students))[::-1]
    try:
        while waiting or running:
            while waiting and len(running) < workers:
                index, student = waiting.pop()
                if not _prepare(student, index, exercises, batch, outcome):
                    progress.scenario(per_student)
                    progress.skipped()
                    continue
                progress.scenario(per_student if student.problem else
                                  _start(student, exercises, methods, pool, running))
                if student.problem or not student.waiting:  # nothing to run: record at once
                    _finish(student, batch, outcome, progress)
            if running:
                _collect(wait(running, return_when=FIRST_COMPLETED)[0], running, batch, outcome,
                         progress)
    except KeyboardInterrupt:
        outcome.interrupted = True
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not break the clean-up
        pool.shutdown(wait=False, cancel_futures=True)
        stop_scenarios()  # stops the scenarios that were running, starts none; their students are not recorded
        pool.shutdown(wait=True)
        resume_scenarios()
        signal.signal(signal.SIGINT, previous)
    finally:
        pool.shutdown(wait=True)
        close_zygotes()
        progress.close()


def _collect(done, running, batch, outcome, progress):
    for future in done:
        student, slot = running.pop(future)
        try:
            student.slots[slot] = future.result()
        except Exception as exc:  # the kit's own failure: this student only
            student.problem = text("internal_error", detail="%s: %s" % (type(exc).__name__, exc))
        progress.scenario()
        student.waiting -= 1
        if not student.waiting:
            _finish(student, batch, outcome, progress)
