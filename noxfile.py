"""The kit's tests under every supported Python.

    nox -s tests                 # 3.10 to 3.14, one virtualenv each
    nox -s tests-3.10 -- -x -q    # one version; what follows `--` goes to pytest
    nox -s smoke-3.13            # grade solutions/01_process with the installed package

The project is installed as a wheel would install it (not editable), and a short check run
from outside the checkout makes sure the package data the grader needs at run time
(grader/course/manifest.toml, grader/engine/_site/sitecustomize.py, grader/locale/) made it into the installed package.
"""
import os
import re
import shutil

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13", "3.14"]  # 3.14 where one is installed
ROOT = os.path.dirname(os.path.abspath(__file__))

nox.options.sessions = ["tests"]


def _find_pyenv_versions():
    """pyenv's shims run only the versions pyenv has made active, so with one global version
    nox would skip the others. Put the newest installed 3.X of each version we test at the
    end of PATH: found when nothing earlier on PATH provides it, shadowing nothing."""
    versions = os.path.join(os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv"), "versions")
    if not os.path.isdir(versions):
        return
    extra = []
    for minor in PYTHONS:
        found = [v for v in os.listdir(versions) if re.fullmatch(re.escape(minor) + r"\.\d+", v)]
        if found:
            newest = max(found, key=lambda v: int(v.rsplit(".", 1)[1]))
            extra.append(os.path.join(versions, newest, "bin"))
    os.environ["PATH"] = os.pathsep.join([os.environ.get("PATH", "")] + extra)


_find_pyenv_versions()

# Imports grader from site-packages (the session runs it outside the checkout) and fails
# unless the files the grader opens by path at run time were installed with it.
INSTALLED_CHECK = """
import os, sys
import grader
from grader.course import manifest
from grader.engine import supervisor
from grader import messages
where = os.path.dirname(os.path.abspath(grader.__file__))
if os.path.normcase(where) == os.path.normcase(os.path.join(sys.argv[1], "grader")):
    sys.exit("grader was imported from the checkout (%s), not from the installed package" % where)
for path in (manifest.MANIFEST_PATH, os.path.join(supervisor.SITE_DIR, "sitecustomize.py"),
             os.path.join(messages.LOCALE, messages.TEMPLATE), os.path.join(messages.LOCALE, "zh.po")):
    if not os.path.isfile(path):
        sys.exit("the installed package lacks %s" % path)
print("installed package OK: %s, %d exercises" % (where, len(manifest.load())))
"""


def _install(session, requirement):
    # setuptools builds in ./build and copies all of build/lib into the wheel, so a module
    # deleted or renamed since the last build would still be installed: start from scratch.
    shutil.rmtree(os.path.join(ROOT, "build"), ignore_errors=True)
    session.install(requirement)


def _check_installed(session):
    with session.chdir(session.create_tmp()):
        session.run("python", "-c", INSTALLED_CHECK, ROOT, silent=False)


@nox.session(python=PYTHONS)
def tests(session):
    """The README's test command, `python -m pytest`, from the repository root."""
    _install(session, ".[dev]")
    _check_installed(session)
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python=PYTHONS)
def smoke(session):
    """Grade solutions/01_process with the installed `mpkit`, run outside the checkout."""
    # Outside the checkout, the grader, its supervisor and the runner all import the installed
    # copy: this is what a student who pip-installed the kit gets.
    _install(session, ".")
    _check_installed(session)
    solutions = os.path.join(ROOT, "solutions")
    args = session.posargs or ["--exercise", "01_process"]
    with session.chdir(session.create_tmp()):
        session.run("mpkit", "grade", solutions, *args)
