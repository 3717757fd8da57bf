"""`mpkit release OUT`: the students' repository holds no answer and no hidden test, installs
and grades on its own in a fresh virtual environment, and the instructor's grading of a
submission made from it still runs the hidden tests, with the instructor's own checks."""
import json
import os
import shutil
import site
import subprocess
import venv

import pytest

from grader import cli
from conftest import ROOT

HIDDEN_INPUTS = ("items of 3 MB", "items of 1 MB", "3000000", "1000000", "EXIT_CODE")


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "student"
    assert cli.main(["release", str(out), "--root", str(ROOT)]) == 0
    return out


def _hidden(exercises):
    return {s.name for e in exercises for s in e.scenarios() if s.hidden}


def _files(folder):
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            yield path, path.read_bytes().decode("utf-8", "replace")


def test_the_release_holds_no_solution_no_hidden_test_no_instructor_material(release, exercises):
    top = sorted(p.name for p in release.iterdir())
    assert top == [".github", ".gitignore", "LICENSE", "README.md", "exercises", "grader", "pyproject.toml"]
    hidden = _hidden(exercises)
    assert len(hidden) >= 3
    for path, content in _files(release):
        for name in hidden:
            assert name not in content, "%s names the hidden test %s" % (path, name)
        for value in HIDDEN_INPUTS:
            assert value not in content, "%s holds %r, an input of a hidden test" % (path, value)
    for exercise in exercises:
        stub = (release / "exercises" / exercise.folder / exercise.filename).read_text(encoding="utf-8")
        assert stub == (ROOT / "exercises" / exercise.folder / exercise.filename).read_text(encoding="utf-8")
    readme = (release / "README.md").read_text(encoding="utf-8")
    assert "pip install ." in readme and "mpkit grade" in readme and "hint" in readme
    assert all("`%s`" % e.folder in readme for e in exercises)
    workflow = (release / ".github" / "workflows" / "classroom.yml").read_text(encoding="utf-8")
    assert "mpkit grade --exercise 02_queue" in workflow


def test_the_releases_classroom_workflow_is_the_one_the_docs_show(release):
    """An instructor may copy docs/classroom.yml or take the release's: the same points."""
    workflow = (release / ".github" / "workflows" / "classroom.yml").read_text(encoding="utf-8")
    assert workflow == (ROOT / "docs" / "classroom.yml").read_text(encoding="utf-8")


def test_what_installing_and_grading_leave_behind_stays_out_of_the_students_commits(release, tmp_path):
    student = tmp_path / "student"
    shutil.copytree(release, student)  # the student's clone
    made = (".venv/bin/python", "venv/pyvenv.cfg", "build/lib/grader/cli.py", "mpkit.egg-info/PKG-INFO",
            "exercises/.mpkit/progress.json", "exercises/02_queue/__pycache__/queue_messages.cpython-311.pyc",
            ".pytest_cache/README.md", "mpkit-results/02_queue.json")
    for relative in made:
        (student / relative).parent.mkdir(parents=True, exist_ok=True)
        (student / relative).write_text("made by pip, venv or mpkit\n")
    git = ["git", "-c", "user.name=s", "-c", "user.email=s@example.org"]
    subprocess.run(git + ["init", "-q"], cwd=student, check=True)
    subprocess.run(git + ["add", "-A"], cwd=student, check=True)
    staged = subprocess.run(git + ["diff", "--cached", "--name-only"], cwd=student, check=True,
                            capture_output=True, text=True).stdout.split()
    assert "exercises/02_queue/queue_messages.py" in staged and ".gitignore" in staged
    assert [path for path in staged if path.startswith(tuple(m.split("/")[0] for m in made[:4]))
            or ".mpkit" in path or "__pycache__" in path or "pytest_cache" in path or "mpkit-results" in path] == []


def _fresh_venv(where):
    """A new virtual environment whose pip finds the kit's dependencies already installed (the
    dev environment's site-packages, by a .pth line, so nothing is downloaded for them); the
    kit itself it builds from the release's files, as a student's pip does."""
    venv.EnvBuilder(with_pip=True).create(where)
    python = where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    fresh_site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                capture_output=True, text=True, check=True).stdout.strip()
    with open(os.path.join(fresh_site, "dev-dependencies.pth"), "w") as f:
        f.write("\n".join(site.getsitepackages()) + "\n")
    return python


def test_the_release_installs_and_grades_on_its_own_in_a_fresh_venv(release, tmp_path, exercises):
    student = tmp_path / "student"
    shutil.copytree(release, student)  # the student's clone
    python = _fresh_venv(tmp_path / "venv")
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", "."], cwd=student,
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    where = subprocess.run([str(python), "-c", "import grader; print(grader.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True).stdout
    assert str(tmp_path / "venv") in where, "the kit was not installed from the release: %s" % where
    # the notebooks' first cell: `%pip install` of the release's folder gives a kernel the
    # grader of the notebooks, with the visible tests only
    notebook = subprocess.run([str(python), "-c", "import grader.notebook; from grader.course import manifest; "
                               "print(sum(s.hidden for e in manifest.load() for s in e.scenarios()))"],
                              cwd=tmp_path, capture_output=True, text=True)
    assert notebook.stdout.strip() == "0", notebook.stderr
    mpkit = python.parent / ("mpkit.exe" if os.name == "nt" else "mpkit")
    graded = subprocess.run([str(mpkit), "grade", "--format", "json"], cwd=student,
                            capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=""))
    assert graded.returncode == 1, graded.stderr
    tests = json.loads(graded.stdout)["tests"]
    assert {t["exercise"] for t in tests} == {e.folder for e in exercises}
    assert {t["status"] for t in tests} == {"not_implemented"}
    assert not {t["name"] for t in tests} & _hidden(exercises)


def test_the_instructor_grades_a_submission_of_the_release_with_the_hidden_tests(release, tmp_path, capsys,
                                                                                  exercises):
    submission = tmp_path / "exercises"
    shutil.copytree(release / "exercises", submission)
    for folder in ("02_queue", "03_pipe"):
        exercise = [e for e in exercises if e.folder == folder][0]
        shutil.copy(ROOT / "solutions" / folder / exercise.filename, submission / folder)
        # files a student may add to pass the tests they were given: never imported
        (submission / folder / "conftest.py").write_text("raise SystemExit('conftest imported')\n")
        (submission / folder / "pytest.py").write_text("raise SystemExit('pytest shadowed')\n")
        (submission / folder / "grader.py").write_text("raise SystemExit('grader shadowed')\n")
        (submission / folder / "test_queue.py").write_text("def test_all():\n    pass\n")
    assert cli.main(["grade", str(submission), "--exercise", "queue", "--exercise", "pipe",
                     "--format", "json"]) == 0
    tests = json.loads(capsys.readouterr().out)["tests"]
    names = {t["name"] for t in tests}
    hidden = {s.name for e in exercises if e.folder in ("02_queue", "03_pipe") for s in e.scenarios() if s.hidden}
    assert hidden and hidden <= names
    assert {t["status"] for t in tests} == {"passed"}


def test_a_hidden_test_leaves_with_its_judge_its_helpers_and_its_inputs():
    from grader.course import hidden

    source = '''import pytest

SHARED = [1, 2]
SECRET_INPUT = [7, 7, 7]  # only the hidden test uses it


def _secret_expected():
    return [49, 49, 49]


@pytest.mark.points(1)
def test_visible(scenario):
    assert scenario.call("f", SHARED).returned == SHARED


# the hidden one
@pytest.mark.points(1)
@pytest.mark.hidden
def test_secret(scenario):
    assert scenario.call("f", SECRET_INPUT + SHARED).returned == _secret_expected()


@scenario("old_style", points=1, call="g()", hidden=True)
def old_style(run):
    run.call("g")


@old_style.judge
def _(obs):
    raise Fail(FAILED, "the old style's hidden judge")


visible_made = make("shown", SHARED)
hidden_made = make("kept_back", SECRET_INPUT, hidden=True)
'''
    out, names = hidden.strip(source)
    for gone in ("test_secret", "SECRET_INPUT", "_secret_expected", "49", "old_style", "hidden judge",
                 "kept_back", "the hidden one"):
        assert gone not in out, gone
    for kept in ("test_visible", "SHARED = [1, 2]", 'visible_made = make("shown", SHARED)'):
        assert kept in out, kept
    compile(out, "stripped", "exec")
