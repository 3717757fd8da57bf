"""Gradescope: `mpkit gradescope OUT.zip` builds the autograder zip (setup.sh, run_autograder and
the kit's source without solutions or tests), and `mpkit autograde`, which run_autograder calls,
grades the upload with the kit's own checks and always writes results/results.json: for an
empty, misnamed or hostile upload too, and on an internal error (score 0 and a message)."""
import os
import shlex
import shutil
import tempfile
import time
import zipfile

from grader import grading
from grader.messages import text
from grader.platforms import submissions
from grader.platforms.render import render
from grader.reports import gradescope

KIT_FILES = ("pyproject.toml", "README.md")
EXECUTABLE = 0o100755 << 16


class BuildError(Exception):
    """The zip cannot be built; the message says why."""


def kit_root(root):
    """The checkout of the kit whose files the zip holds."""
    if not all(os.path.isfile(os.path.join(root, name)) for name in KIT_FILES) or \
            not os.path.isdir(os.path.join(root, "grader")):
        raise BuildError("%s is not a checkout of the kit (%s and grader/): run mpkit gradescope in "
                         "the kit's folder, or give --root" % (os.path.abspath(root), " and ".join(KIT_FILES)))
    return root


def _script(archive, name, content):
    info = zipfile.ZipInfo(name)
    info.external_attr = EXECUTABLE
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, content)


def build(root, out, options):
    """Write the autograder zip of the kit at `root` to `out`; `options` are passed on to
    `mpkit autograde`."""
    root = kit_root(root)
    fallback = gradescope.as_json(gradescope.failure(
        text("internal_error", detail="run_autograder: mpkit wrote no results.json")))
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            _script(archive, "setup.sh", render("setup.sh"))
            _script(archive, "run_autograder", render("run_autograder", options=shlex.join(options),
                                                      fallback=fallback.rstrip("\n")))
            for name in KIT_FILES:
                archive.write(os.path.join(root, name), "mpkit/" + name)
            for here, dirs, files in os.walk(os.path.join(root, "grader")):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for name in sorted(files):
                    if not name.endswith((".pyc", ".tmp")):
                        path = os.path.join(here, name)
                        archive.write(path, "mpkit/" + os.path.relpath(path, root).replace(os.sep, "/"))
    except OSError as exc:
        raise BuildError("cannot write %r: %s" % (out, exc.strerror or exc))


def _grade(root, exercises, methods, jobs, started):
    workdir = tempfile.mkdtemp(prefix="mpkit-autograde-")
    try:
        try:
            found = submissions.unpack(os.path.join(root, "submission"), exercises, workdir)
        except submissions.Unreadable as exc:
            return gradescope.failure(text("submission_unreadable", detail=exc))
        verdicts = submissions.grade(found, exercises, methods, jobs)
        return gradescope.results(verdicts, exercises, time.monotonic() - started, found.notes())
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def autograde(root, exercises, methods, jobs=None):
    """Grade `root`/submission into `root`/results/results.json, whatever happens."""
    started = time.monotonic()
    try:
        grading.check_environment()
        data = _grade(root, exercises, methods, jobs, started)
    except BaseException as exc:  # Gradescope must get a results.json, even from a bug of ours
        data = gradescope.failure(text("internal_error", detail="%s: %s" % (type(exc).__name__, exc)))
    results = os.path.join(root, "results")
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, "results.json"), "w", encoding="utf-8") as f:
        f.write(gradescope.as_json(data))
    return data
