"""`pip install .` as the README says: the wheel builds without a warning from setuptools (a
deprecated license table, data folders that are not declared) and holds every file the grader
opens by path at run time; from such an install, the instructor's `release` and `gradescope`
run in a checkout of the kit, made from the checkout's files."""
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


def test_the_wheel_builds_without_a_warning_and_holds_the_graders_data(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path),
                           str(ROOT)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    said = [line for line in (done.stdout + done.stderr).splitlines()
            if "warning" in line.lower() and "Location" not in line]  # pip's notes on index folders
    assert said == []
    wheel, = tmp_path.glob("mpkit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in ("grader/locale/mpkit.pot", "grader/locale/zh.po", "grader/course/manifest.toml",
                 "grader/course/templates/student-README.md", "grader/course/templates/new/solution.py",
                 "grader/platforms/templates/setup.sh", "grader/engine/_site/sitecustomize.py",
                 "grader/engine/hooks/__init__.py", "grader/reports/timeline.css"):
        assert data in names
    assert any(name.endswith("/licenses/LICENSE") for name in names)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("/METADATA"))).decode()
    assert "License-Expression: MIT" in metadata and "Requires-Python: >=3.10" in metadata
    assert not any(name.startswith(("tests/", "solutions/", "bench/")) for name in names)


def _checkout_copy(where):
    """A copy of the kit's checkout, as an instructor's clone holds it."""
    for name in ("grader", "solutions", "exercises", "pyproject.toml", "README.md", "LICENSE"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(source, where / name)
    return where


@pytest.fixture(scope="module")
def regular_install(tmp_path_factory):
    """`pip install .` as the README says (not editable), in a fresh virtual environment: the
    installed grader is a copy, and the checkout is edited after installing, as instructors do."""
    from test_release import _fresh_venv

    base = tmp_path_factory.mktemp("regular")
    checkout = _checkout_copy(base / "kit")
    python = _fresh_venv(base / "venv")
    done = subprocess.run([str(python), "-m", "pip", "install", "-q", "."], cwd=checkout,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    where = subprocess.run([str(python), "-c", "import grader; print(grader.__file__)"], cwd=base,
                           capture_output=True, text=True).stdout
    assert str(base / "venv") in where, where  # a copy in site-packages, not the checkout
    manifest = checkout / "grader" / "course" / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    assert 'title = "Pass data through a Queue"' in text
    manifest.write_text(text.replace('title = "Pass data through a Queue"', 'title = "Queues, edited after installing"'),
                        encoding="utf-8")
    return checkout, python.parent / "mpkit", base


def test_release_and_gradescope_run_from_a_regular_install_with_the_checkouts_files(regular_install):
    checkout, mpkit, base = regular_install
    env = dict(os.environ, PYTHONPATH="")
    released = subprocess.run([str(mpkit), "release", str(base / "student")], cwd=checkout, env=env,
                              capture_output=True, text=True, timeout=600)
    assert released.returncode == 0, released.stdout + released.stderr
    assert "every one not_implemented" in released.stdout and "pip install -e" not in released.stderr
    readme = (base / "student" / "README.md").read_text(encoding="utf-8")
    assert "Queues, edited after installing" in readme  # made by the checkout's grader, not the installed copy
    zipped = subprocess.run([str(mpkit), "gradescope", str(base / "autograder.zip"), "--root", str(checkout)],
                            cwd=base, env=env, capture_output=True, text=True, timeout=600)
    assert zipped.returncode == 0, zipped.stdout + zipped.stderr
    names = zipfile.ZipFile(base / "autograder.zip").namelist()
    assert "mpkit/grader/cli.py" in names and "setup.sh" in names
    manifest = zipfile.ZipFile(base / "autograder.zip").read("mpkit/grader/course/manifest.toml").decode("utf-8")
    assert "Queues, edited after installing" in manifest


def test_release_outside_a_checkout_says_where_to_run_it(regular_install):
    _, mpkit, base = regular_install
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    for args in (["release", str(base / "nowhere")], ["gradescope", str(base / "nowhere.zip")]):
        done = subprocess.run([str(mpkit)] + args, cwd=elsewhere, capture_output=True, text=True, timeout=120,
                              env=dict(os.environ, PYTHONPATH=""))
        assert done.returncode == 2, done.stdout + done.stderr
        assert "not a checkout of the kit" in done.stderr and "--root" in done.stderr
        assert "Traceback" not in done.stderr
