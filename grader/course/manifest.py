"""The exercise manifest (grader/manifest.toml): one list, read by every part of the kit."""
import dataclasses
import os
import sys
from dataclasses import dataclass, field

from grader.course import settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10
    import tomli as tomllib

MANIFEST_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "manifest.toml")


class ManifestError(Exception):
    """The manifest is wrong; the message names the file and the entry at fault."""


@dataclass
class Exercise:
    folder: str
    module: str
    checks: str
    title: str
    points: float
    timeout: float
    limits: dict
    title_zh: str = ""
    hints: list = field(default_factory=list)
    hints_zh: list = field(default_factory=list)
    start_methods: list = field(default_factory=list)  # empty: graded under any

    @property
    def topic(self):
        """`02_queue` -> `queue`: the short name accepted by --exercise."""
        return self.folder.split("_", 1)[-1]

    @property
    def filename(self):
        return self.module + ".py"

    def methods_for(self, requested):
        """The start methods this exercise is graded under when `requested` are asked for:
        those, when it allows any; else those of its own the request names, or, when the
        request names none of them, the first of its own this platform has (spawn, which
        every platform has, is always among them: grader/course/settings.py)."""
        if not self.start_methods:
            return list(requested)
        from grader.engine import system

        own = [m for m in self.start_methods if m in system.start_methods()]
        return [m for m in requested if m in own] or own[:1]

    def scenarios(self):
        from grader.judging import pytest_checks, scenario

        if pytest_checks.is_test_module(self.checks):  # plain pytest tests
            try:
                return pytest_checks.scenarios_of(self.checks)
            except pytest_checks.AuthoringError as exc:
                raise ManifestError("%s (the checks of %s)" % (exc, self.folder))
        return scenario.scenarios_of(self.checks)


def read(path=MANIFEST_PATH):
    """The manifest's raw tables."""
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        raise ManifestError("cannot read the manifest %s: %s" % (path, exc.strerror))
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError("the manifest %s is not valid TOML: %s" % (path, exc))


def course(path=MANIFEST_PATH):
    """The course's settings ([defaults]), validated (grader/course/settings.py)."""
    try:
        return settings.course(path, read(path))
    except settings.SettingsError as exc:
        raise ManifestError(str(exc))


def load(path=MANIFEST_PATH):
    data = read(path)
    try:
        defaults = settings.course(path, data)
        exercises = [_exercise(entry, settings.exercise(path, index, entry, defaults))
                     for index, entry in enumerate(data.get("exercise", []), 1)]
    except settings.SettingsError as exc:
        raise ManifestError(str(exc))
    if not exercises:
        raise ManifestError("the manifest %s lists no exercise" % path)
    return exercises


def _exercise(entry, limits):
    timeout = float(limits.pop("timeout"))
    return Exercise(
        folder=entry["folder"], module=entry["module"], checks=entry["checks"],
        title=entry["title"], title_zh=entry.get("title_zh", ""), points=entry["points"],
        timeout=timeout, limits=limits, hints=list(entry.get("hints", [])),
        hints_zh=list(entry.get("hints_zh", [])),
        start_methods=list(entry.get("start_methods", [])))


def visible(exercises):
    """The exercises as students get them (the release, GitHub Classroom): each worth the
    points of its visible tests. In a release, where only those are left, it changes nothing."""
    return [dataclasses.replace(e, points=sum(s.points for s in e.scenarios() if not s.hidden))
            for e in exercises]


def find(exercises, name):
    """An exercise by folder (`02_queue`), topic (`queue`) or number (`2`, `02`), or None."""
    for exercise in exercises:
        if name in (exercise.folder, exercise.topic):
            return exercise
    number = exercise_number(name)
    for exercise in exercises if number is not None else ():
        if exercise_number(exercise.folder.split("_")[0]) == number:
            return exercise
    return None


def exercise_number(name):
    """The number a student types for an exercise (`9`, `09`), or None for anything else."""
    return int(name) if name.isascii() and name.isdigit() and len(name) <= 3 else None
