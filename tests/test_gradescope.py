"""Gradescope as an instructor uses it: `mpkit gradescope OUT.zip` builds the autograder zip,
and its own run_autograder, run on a fake /autograder tree (MPKIT_AUTOGRADER_ROOT) with the
kit's copy from the zip, always writes a results.json valid for Gradescope's format: for
flat files, a folder, a zip, an empty or misnamed upload, hostile files, and our own failure."""
import json
import os
import subprocess
import sys
import zipfile

import jsonschema
import pytest

from conftest import ROOT
from test_cli import mpkit

SCHEMA = json.loads((ROOT / "tests" / "schemas" / "gradescope-results.json").read_text(encoding="utf-8"))
SOLUTION = (ROOT / "solutions" / "02_queue" / "queue_messages.py").read_text(encoding="utf-8")
HIDDEN = ("collect_empty", "collect_large")


@pytest.fixture(scope="module")
def autograder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("autograder")
    done = mpkit("gradescope", str(folder / "autograder.zip"), "--exercise", "queue",
                 "--start-method", "fork")
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(str(folder / "autograder.zip")) as archive:
        archive.extractall(str(folder / "source"))
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
    return folder / "source", modes


def test_the_zip_holds_the_scripts_and_the_kit_without_solutions_or_tests(autograder):
    source, modes = autograder
    assert modes["setup.sh"] & 0o111 and modes["run_autograder"] & 0o111
    names = set(modes)
    assert {"mpkit/pyproject.toml", "mpkit/README.md", "mpkit/grader/cli.py",
            "mpkit/grader/course/manifest.toml", "mpkit/grader/platforms/templates/run_autograder"} <= names
    assert not any(n.startswith(("mpkit/solutions", "mpkit/tests", "mpkit/exercises")) or "__pycache__" in n
                   for n in names)
    setup = (source / "setup.sh").read_text(encoding="utf-8")
    assert '"$SOURCE/mpkit"' in setup  # installs the kit from the zip
    for script in ("setup.sh", "run_autograder"):
        assert subprocess.run(["bash", "-n", str(source / script)]).returncode == 0


def _fake_image(where, python_version):
    """A PATH holding only what setup.sh needs, a python3 of `python_version`, and an apt-get
    and a curl that record their calls and fail (as on an image without network or root)."""
    fake = where / "bin"
    fake.mkdir()
    for tool in ("dirname", "basename", "env", "sh"):
        (fake / tool).symlink_to(subprocess.run(["bash", "-c", "command -v " + tool], capture_output=True,
                                                text=True, check=True).stdout.strip())
    scripts = {
        "python3": '#!/bin/bash\nif [ "$1" = --version ]; then echo "Python %s"; exit 0; fi\nexit 1\n'
                   % python_version,  # too old: the version check exits 1, as Python 3.8 would
        "apt-get": '#!/bin/bash\necho "apt-get $*" >> "%s"\nexit 100\n' % (where / "calls"),
        "curl": '#!/bin/bash\necho "curl $*" >> "%s"\nexit 22\n' % (where / "calls"),
    }
    for name, content in scripts.items():
        (fake / name).write_text(content)
        (fake / name).chmod(0o755)
    return str(fake)


def test_setup_stops_with_a_clear_message_on_an_image_whose_python_is_too_old(autograder, tmp_path):
    """Gradescope's Ubuntu 20.04 image has Python 3.8: setup.sh tries to install a newer one,
    then names the base image to choose; it never builds with the old one."""
    source, _ = autograder
    root = tmp_path / "autograder"
    root.mkdir()
    done = subprocess.run(["/bin/bash", str(source / "setup.sh")], capture_output=True, text=True, timeout=120,
                          env={"PATH": _fake_image(tmp_path, "3.8.10"), "MPKIT_AUTOGRADER_ROOT": str(root)})
    assert done.returncode == 1, done.stdout + done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert "needs Python 3.10 or later" in last and "Python 3.8.10" in last, done.stderr
    assert "Ubuntu 22.04 or 24.04 base image" in last, done.stderr
    calls = (tmp_path / "calls").read_text()
    assert "apt-get update" in calls and "astral.sh/uv" in calls
    assert not (root / "mpkit-venv").exists()


def run_autograder(source, root, python=None):
    """Run the zip's run_autograder on the fake tree `root`, with the zip's copy of the kit."""
    env = dict(os.environ, MPKIT_AUTOGRADER_ROOT=str(root), PYTHONPATH=str(source / "mpkit"),
               PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    if python:
        (root / "mpkit-venv" / "bin").mkdir(parents=True)
        (root / "mpkit-venv" / "bin" / "python").write_text(python)
        (root / "mpkit-venv" / "bin" / "python").chmod(0o755)
    done = subprocess.run(["bash", str(source / "run_autograder")], capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    jsonschema.validate(results, SCHEMA)
    return results


def _upload(root, files):
    (root / "submission").mkdir(parents=True)
    for rel, content in files.items():
        (root / "submission" / rel).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (root / "submission" / rel).write_bytes(content)
        else:
            (root / "submission" / rel).write_text(content, encoding="utf-8")


def _zipped(files):
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for rel, content in files.items():
            archive.writestr(rel, content)
    return buffer.getvalue()


FORGED = "import json, os\nos.makedirs({results!r}, exist_ok=True)\n" \
         "json.dump({{'score': 999, 'tests': []}}, open({results!r} + '/results.json', 'w'))\n"


@pytest.mark.parametrize("upload", ["flat", "folder", "zip", "forged"])
def test_a_correct_upload_gets_full_marks_with_hidden_tests_shown_after_publishing(autograder, tmp_path, upload):
    source, _ = autograder
    root = tmp_path / "autograder"
    forged = FORGED.format(results=str(root / "results"))
    _upload(root, {
        "flat": {"queue_messages.py": SOLUTION, "test_queue_messages.py": "def test(): pass\n"},
        "folder": {"exercises/02_queue/queue_messages.py": SOLUTION, "02_queue/README.md": "mine"},
        "zip": {"work.zip": _zipped({"02_queue/queue_messages.py": SOLUTION})},
        # hostile: a conftest and a test file that forge the results are never run, and a module
        # that writes results.json itself is overwritten by the grader's own
        "forged": {"queue_messages.py": SOLUTION + "\n" + forged, "conftest.py": forged,
                   "test_forge.py": forged},
    }[upload])
    results = run_autograder(source, root)
    assert results["score"] == 6 and all(t["status"] == "passed" for t in results["tests"])
    visibility = {t["name"].split()[-1]: t["visibility"] for t in results["tests"]}
    assert {n for n, v in visibility.items() if v == "after_published"} == set(HIDDEN)
    assert not any(name in results["output"] for name in HIDDEN)
    assert results["stdout_visibility"] == "hidden"


@pytest.mark.parametrize("files, said", [
    ({}, ["queue_messages.py"]),
    ({"queue_message.py": SOLUTION}, ["queue_messages.py", "queue_message.py"]),
    ({"queue_messages.py": b"\0\xff" * 10}, ["error"]),  # not Python at all
    ({"notes.zip": b"not a zip at all", "my_queue.py": "x = 1\n"}, ["queue_messages.py"]),
])
def test_an_empty_misnamed_or_broken_upload_says_which_file_was_expected(autograder, tmp_path, files, said):
    source, _ = autograder
    root = tmp_path / "autograder"
    _upload(root, files)
    results = run_autograder(source, root)
    assert results["score"] == 0 and len(results["tests"]) == 5
    text = results["output"] + " ".join(t["output"] for t in results["tests"])
    assert all(s in text for s in said), text
    assert str(tmp_path) not in json.dumps(results)


def test_a_symbolic_link_in_the_upload_is_never_followed(autograder, tmp_path):
    source, _ = autograder
    root = tmp_path / "autograder"
    _upload(root, {})
    secret = tmp_path / "secret.py"
    secret.write_text(SOLUTION, encoding="utf-8")
    os.symlink(str(secret), str(root / "submission" / "queue_messages.py"))
    results = run_autograder(source, root)
    assert results["score"] == 0 and "No queue_messages.py was found" in results["output"]


def test_results_are_written_when_the_grader_itself_fails(autograder, tmp_path):
    source, _ = autograder
    broken = run_autograder(source, tmp_path / "a", python="#!/bin/sh\nexit 1\n")
    assert broken["score"] == 0 and "problem of the grading kit" in broken["output"]
    _upload(tmp_path / "b", {"queue_messages.py": SOLUTION})
    env_error = subprocess.run(
        [sys.executable, "-m", "grader.cli", "autograde", "--root", str(tmp_path / "b"), "--exercise", "queue"],
        cwd=str(ROOT), capture_output=True, text=True, timeout=120,
        env=dict(os.environ, MPKIT_TIMEOUT_SCALE="fast"))
    assert env_error.returncode == 0
    results = json.loads((tmp_path / "b" / "results" / "results.json").read_text(encoding="utf-8"))
    jsonschema.validate(results, SCHEMA)
    assert results["score"] == 0 and "MPKIT_TIMEOUT_SCALE" in results["output"]
