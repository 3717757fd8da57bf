"""`mpkit release OUT`: the repository students get, made from the instructor's kit.

OUT holds the stubs (made from solutions/), the grader with the visible graded tests only (the
hidden ones taken out of their check modules: grader/course/hidden.py), a README for students,
a .gitignore (the virtual environment, build files and the grader's progress record stay out of
the students' commits), pyproject.toml and the files the caller adds (the Classroom workflow). It never holds
solutions/, the corpus, the docs or the bench. Then it is checked: no hidden test's name and no
line of solution code anywhere in it, and its own grader, run from OUT alone, grades every
exercise's stub as not implemented.
"""
import json
import os
import re
import shutil
import subprocess
import sys

from grader.course import hidden, stubs
from grader.course.manifest import visible
from grader.judging.outcomes import NOT_IMPLEMENTED

TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")
_SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", "*.egg-info")


def _skip(folder, names):
    skipped = set(_SKIP(folder, names))
    if folder.endswith(os.path.join("course", "templates")):
        skipped.add("new")
    return skipped
KEEP_AT_TOP = ("pyproject.toml", "LICENSE", "LICENSE.txt", "MANIFEST.in")
MIN_SOLUTION_LINE = 12  # shorter lines (`p.start()`) are too common to be a give-away
CHECKS_FOLDER = os.path.join("grader", "judging", "checks")


class ReleaseError(Exception):
    """The release cannot be made, or is not safe to hand out: the message says why."""


def build(root, out, exercises, extra_files=None, hint_line=""):
    """Write the release into `out` (absent or empty) and check it; returns what was checked,
    one line each."""
    root, out = os.path.abspath(root), os.path.abspath(out)
    if os.path.exists(out) and os.listdir(out):
        raise ReleaseError("%s is not empty: give a new folder, the release never overwrites" % out)
    for needed in ("grader", "solutions", "pyproject.toml"):
        if not os.path.exists(os.path.join(root, needed)):
            raise ReleaseError("%s has no %s: run `mpkit release` in the kit's folder (or give --root)"
                               % (root, needed))
    os.makedirs(out, exist_ok=True)
    removed = _copy_grader(root, out)
    _write_manifest(os.path.join(out, "grader", "course", "manifest.toml"), visible(exercises))
    _write_exercises(root, out, exercises)
    for name in KEEP_AT_TOP:
        if os.path.isfile(os.path.join(root, name)):
            shutil.copyfile(os.path.join(root, name), os.path.join(out, name))
    _write(os.path.join(out, "README.md"), student_readme(visible(exercises), hint_line))
    shutil.copyfile(os.path.join(TEMPLATES, "student-gitignore"), os.path.join(out, ".gitignore"))
    for relative, content in (extra_files or {}).items():
        _write(os.path.join(out, relative), content)
    return check(root, out, exercises, removed)


def _write(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)


def _copy_grader(root, out):
    """The grader package, each check module without its hidden tests; the names removed."""
    shutil.copytree(os.path.join(root, "grader"), os.path.join(out, "grader"), ignore=_skip)
    removed = set()
    folder = os.path.join(out, CHECKS_FOLDER)
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                source, names = hidden.strip(f.read())
            _write(path, source)
            removed |= names
    return removed


def _write_manifest(path, visible):
    """The manifest with each exercise's points those of its visible tests."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    index = -1
    for number, line in enumerate(lines):
        if line.strip() == "[[exercise]]":
            index += 1
        elif index >= 0 and re.match(r"\s*points\s*=", line):
            lines[number] = "points = %g\n" % visible[index].points
    _write(path, "".join(lines))


def _write_exercises(root, out, exercises):
    for exercise in exercises:
        source = os.path.join(root, "exercises", exercise.folder)
        target = os.path.join(out, "exercises", exercise.folder)
        os.makedirs(target)
        for name in sorted(os.listdir(source)) if os.path.isdir(source) else []:
            path = os.path.join(source, name)
            if os.path.isfile(path) and not name.endswith((".py", ".pyc")):
                shutil.copyfile(path, os.path.join(target, name))
        solution = os.path.join(root, "solutions", exercise.folder, exercise.filename)
        try:
            with open(solution, encoding="utf-8") as f:
                stub = stubs.make_stub(f.read(), solution)
        except OSError as exc:
            raise ReleaseError("cannot read %s: %s" % (solution, exc.strerror))
        _write(os.path.join(target, exercise.filename), stub)


def student_readme(visible, hint_line):
    with open(os.path.join(TEMPLATES, "student-README.md"), encoding="utf-8") as f:
        template = f.read()
    table = "\n".join("| `%s` | `%s` | %s%s | %g |" % (
        e.folder, e.filename, e.title, " (%s)" % e.title_zh if e.title_zh else "", e.points) for e in visible)
    return template.replace("@@course", "Multiprocessing exercises").replace(
        "@@table", table).replace("@@hints", hint_line).replace("@@first", visible[0].topic)


# -- the checks behind the release ------------------------------------------------------------
def _text_files(out):
    for folder, _, names in os.walk(out):
        for name in names:
            path = os.path.join(folder, name)
            try:
                with open(path, encoding="utf-8") as f:
                    yield path, f.read()
            except (UnicodeDecodeError, OSError):
                continue


def solution_lines(root, exercises):
    """The lines between solution markers, long enough to give an answer away."""
    found = set()
    for exercise in exercises:
        path = os.path.join(root, "solutions", exercise.folder, exercise.filename)
        inside = False
        with open(path, encoding="utf-8") as f:
            for line in f:
                if stubs.BEGIN.match(line.rstrip("\n")):
                    inside = True
                elif stubs.END.match(line):
                    inside = False
                elif inside and _telling(line.strip()):
                    found.add(line.strip())
    return found


def _telling(line):
    """A line of code long enough, and doing enough (a call, an assignment), to give an
    answer away; `except EOFError:` or `p.start()` alone do not."""
    return len(line) >= MIN_SOLUTION_LINE and not line.startswith("#") and ("(" in line or "=" in line)


def hidden_names(exercises):
    return {s.name for e in exercises for s in e.scenarios() if s.hidden}


def check(root, out, exercises, removed):
    problems = []
    if os.path.exists(os.path.join(out, "solutions")):
        problems.append("%s/solutions exists" % out)
    secrets = solution_lines(root, exercises)
    names = hidden_names(exercises) | {n for n in removed if len(n) > 2}
    for path, content in _text_files(out):
        lines = {line.strip() for line in content.splitlines()}
        for line in sorted(secrets & lines)[:3]:
            problems.append("%s holds solution code: %s" % (path, line))
        for name in sorted(names):
            if re.search(r"\b%s\b" % re.escape(name), content):
                problems.append("%s names the hidden %s" % (path, name))
    if problems:
        raise ReleaseError("the release in %s is not safe to hand out:\n  - %s" % (out, "\n  - ".join(problems)))
    graded = self_grade(out, exercises)
    return ["no solutions/, no line of solution code, no hidden test (%d removed: %s)"
            % (len(hidden_names(exercises)), ", ".join(sorted(hidden_names(exercises))) or "none"),
            "its own grader, from %s alone: %d tests, every one not_implemented" % (out, graded)]


def self_grade(out, exercises):
    """Grade OUT's stubs with OUT's own grader (a new interpreter that imports it from OUT)."""
    env = dict(os.environ, PYTHONPATH=out, PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([sys.executable, "-m", "grader.cli", "grade", "exercises", "--format", "json"],
                          cwd=out, env=env, capture_output=True, text=True)
    try:
        tests = json.loads(done.stdout)["tests"]
    except (ValueError, KeyError):
        raise ReleaseError("the release's own grader failed in %s:\n%s" % (out, done.stderr[-2000:]))
    wrong = ["%s %s: %s" % (t["exercise"], t["name"], t["status"]) for t in tests
             if t["status"] != NOT_IMPLEMENTED]
    expected = sum(1 for e in exercises for s in e.scenarios() if not s.hidden)
    if wrong or len(tests) != expected:
        raise ReleaseError("the release's own grader graded %d tests (expected %d), not all "
                           "not_implemented: %s" % (len(tests), expected, "; ".join(wrong)))
    return len(tests)
