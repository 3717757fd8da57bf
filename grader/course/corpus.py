"""The corpora of submissions that prove the checks: correct variants that must pass and wrong
ones that must get a given verdict (tests/corpus/cases.toml), plus programs written by others
with theirs (tests/corpus/realworld.toml). Shared by `mpkit verify`, the flake hunter and the
kit's tests."""
import os
import shutil
import tempfile
from dataclasses import dataclass, field

from grader import grading
from grader.course import manifest
from grader.course.manifest import tomllib


@dataclass
class Case:
    file: str             # relative to the corpus folder
    exercise: object
    expect: dict          # scenario -> verdict, or {start method -> verdict}; correct: passed
    message: dict = field(default_factory=dict)  # scenario name -> substrings of the message
    why: str = ""


CASE_FILES = ("cases.toml", "realworld.toml")  # the second (programs by others) is optional


def load(corpus_dir, exercises=None):
    """Every case: the correct ones from correct/<folder>/, then those of cases.toml (the wrong
    submissions) and realworld.toml (programs written by others, realworld/<folder>/)."""
    exercises = exercises or manifest.load()
    cases = []
    for exercise in exercises:
        folder = os.path.join(corpus_dir, "correct", exercise.folder)
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if name.endswith(".py"):
                expect = {s.name: "passed" for s in exercise.scenarios()}
                cases.append(Case("correct/%s/%s" % (exercise.folder, name), exercise, expect))
    for name in CASE_FILES:
        path = os.path.join(corpus_dir, name)
        if name != CASE_FILES[0] and not os.path.exists(path):
            continue
        with open(path, "rb") as f:
            entries = tomllib.load(f).get("case", [])
        for index, entry in enumerate(entries, 1):
            exercise = manifest.find(exercises, entry.get("exercise", ""))
            if exercise is None:
                raise manifest.ManifestError("%s, case #%d: unknown exercise %r" % (path, index, entry.get("exercise")))
            if "file" not in entry:
                raise manifest.ManifestError("%s, case #%d: no `file`" % (path, index))
            cases.append(Case(entry["file"], exercise, dict(entry.get("expect", {})),
                              dict(entry.get("message", {})), entry.get("why", "")))
    return cases


def grade_cases(corpus_dir, cases, start_methods, jobs=None):
    """Grade many cases in one pool: [(case, verdicts)], each case a submission folder
    holding just its module."""
    root = tempfile.mkdtemp(prefix="mpkit-corpus-")
    try:
        planned, owners = [], []
        for index, case in enumerate(cases):
            submission = os.path.join(root, str(index))
            folder = os.path.join(submission, case.exercise.folder)
            os.makedirs(folder)
            shutil.copyfile(os.path.join(corpus_dir, case.file),
                            os.path.join(folder, case.exercise.filename))
            for job in grading.plan(submission, [case.exercise], start_methods):
                if job.scenario.name in case.expect:  # only what the case says something of
                    planned.append(job)
                    owners.append(index)
        verdicts = grading.run_jobs(planned, jobs)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    grouped = [[] for _ in cases]
    for index, verdict in zip(owners, verdicts):
        grouped[index].append(verdict)
    return list(zip(cases, grouped))


def grade_case(corpus_dir, case, start_methods, jobs=None):
    return grade_cases(corpus_dir, [case], start_methods, jobs)[0][1]


def expected_status(case, verdict):
    """The verdict `case` expects for this scenario and start method, or None."""
    want = case.expect.get(verdict.name)
    if isinstance(want, dict):  # a verdict per start method: {fork = "passed", spawn = ...}
        want = want.get(verdict.start_method)
    return want


def problems(case, verdicts):
    """What differs from the case's expectations, one sentence each."""
    found = []
    for verdict in verdicts:
        want = expected_status(case, verdict)
        if want is None:
            continue
        where = "%s %s [%s]" % (case.file, verdict.name, verdict.start_method)
        if verdict.status != want:
            found.append("%s: expected %s, got %s: %s" % (where, want, verdict.status,
                                                          verdict.message.splitlines()[0] if verdict.message else ""))
            continue
        for part in case.message.get(verdict.name, []) if want != "passed" else []:
            if part not in verdict.message:
                found.append("%s: the message lacks %r; it says: %s" % (where, part, verdict.message))
    missing = set(case.expect) - {v.name for v in verdicts}
    for name in sorted(missing):
        found.append("%s: its case names scenario %r, which %s does not have"
                     % (case.file, name, case.exercise.checks))
    return found
