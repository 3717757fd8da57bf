"""`pip install .` as the README says: the wheel builds without a warning from setuptools (a
deprecated license table, data folders that are not declared) and holds every file the grader
opens by path at run time."""
import subprocess
import sys
import zipfile

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
