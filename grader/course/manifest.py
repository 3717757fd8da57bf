"""The exercise manifest (grader/manifest.toml): one list, read by every part of the kit."""
import os
import sys
from dataclasses import dataclass, field

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.9 and 3.10
    import tomli as tomllib

MANIFEST_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "manifest.toml")
REQUIRED = ("folder", "module", "checks", "title", "points")
LIMIT_KEYS = ("max_processes", "memory_mb", "output_kb", "open_files")


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

    @property
    def topic(self):
        """`02_queue` -> `queue`: the short name accepted by --exercise."""
        return self.folder.split("_", 1)[-1]

    @property
    def filename(self):
        return self.module + ".py"

    def scenarios(self):
        from grader.judging import pytest_checks, scenario

        if pytest_checks.is_test_module(self.checks):  # plain pytest tests
            return pytest_checks.scenarios_of(self.checks)
        return scenario.scenarios_of(self.checks)


def load(path=MANIFEST_PATH):
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        raise ManifestError("cannot read the manifest %s: %s" % (path, exc.strerror))
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError("the manifest %s is not valid TOML: %s" % (path, exc))
    defaults = data.get("defaults", {})
    exercises = []
    for index, entry in enumerate(data.get("exercise", []), 1):
        where = "%s, exercise #%d" % (path, index)
        missing = [key for key in REQUIRED if key not in entry]
        if missing:
            raise ManifestError("%s lacks %s" % (where, ", ".join(missing)))
        limits = {key: int(entry.get(key, defaults.get(key, 0))) for key in LIMIT_KEYS}
        exercises.append(Exercise(
            folder=entry["folder"], module=entry["module"], checks=entry["checks"],
            title=entry["title"], title_zh=entry.get("title_zh", ""),
            points=entry["points"], timeout=float(entry.get("timeout", defaults.get("timeout", 10))),
            limits=limits, hints=list(entry.get("hints", [])),
            hints_zh=list(entry.get("hints_zh", []))))
    if not exercises:
        raise ManifestError("the manifest %s lists no exercise" % path)
    return exercises


def find(exercises, name):
    """An exercise by folder (`02_queue`) or topic (`queue`), or None."""
    for exercise in exercises:
        if name in (exercise.folder, exercise.topic):
            return exercise
    return None
