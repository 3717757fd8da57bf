"""End to end with the real nbgrader: a course made by `mpkit notebooks`, the student version
made by `nbgrader generate_assignment`, three submissions autograded by `nbgrader autograde`
into its sqlite gradebook, then `generate_feedback` and `export`."""
import csv
import json
import os
import subprocess
import sys

import pytest

from grader import cli
from grader.course import notebooks
from conftest import ROOT

pytest.importorskip("nbgrader", reason="nbgrader comes with the dev extra")

ASSIGNMENT = "ps1"
MAX_SCORE = 6  # 02_queue's points in the manifest


def _nbgrader(course, *args):
    """The real `nbgrader` command, run as an instructor types it in the course folder."""
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    done = subprocess.run([sys.executable, "-m", "nbgrader"] + list(args), cwd=str(course), env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, "nbgrader %s failed:\n%s" % (" ".join(args), done.stderr[-3000:])


def _submit(course, student, notebook_text):
    folder = course / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    (folder / "02_queue.ipynb").write_text(notebook_text, encoding="utf-8")


@pytest.mark.timeout(1200)  # four nbgrader commands; about a minute on an idle machine
def test_nbgrader_autogrades_the_notebooks_into_its_gradebook(tmp_path, exercises):
    from nbgrader.api import Gradebook

    course = tmp_path / "course"
    assert cli.main(["notebooks", str(course), "--exercise", "queue", "--assignment", ASSIGNMENT,
                     "--root", str(ROOT)]) == cli.EXIT_OK
    _nbgrader(course, "generate_assignment", ASSIGNMENT)
    release = (course / "release" / ASSIGNMENT / "02_queue.ipynb").read_text(encoding="utf-8")
    assert "raise NotImplementedError" in release and "q.put(STOP)" not in release
    assert "grade_test('02_queue', 'collect_tutorial')" in release
    assert "grade_test('02_queue', 'collect_large')" not in release  # a hidden test

    solution = (ROOT / "solutions" / "02_queue" / "queue_messages.py").read_text(encoding="utf-8")
    deadlock = (ROOT / "tests" / "corpus" / "wrong" / "02_queue" / "join_before_get.py").read_text(encoding="utf-8")
    _submit(course, "solved", notebooks.with_module(release, "queue_messages.py", solution))
    _submit(course, "untouched", release)
    _submit(course, "deadlocks", notebooks.with_module(release, "queue_messages.py", deadlock))
    _nbgrader(course, "autograde", ASSIGNMENT)

    with Gradebook("sqlite:///%s" % (course / "gradebook.db")) as gradebook:
        scores = {s: gradebook.find_submission(ASSIGNMENT, s).score for s in ("solved", "untouched", "deadlocks")}
        lost = {g.name: g.score for g in gradebook.find_submission_notebook(
            "02_queue", ASSIGNMENT, "deadlocks").grades if g.score != g.max_score}
    assert scores == {"solved": MAX_SCORE, "untouched": 0, "deadlocks": MAX_SCORE - 2}
    assert lost == {"02_queue-collect_large": 0}

    graded = json.loads((course / "autograded" / "deadlocks" / ASSIGNMENT / "02_queue.ipynb").read_text(encoding="utf-8"))
    errors = [o for c in graded["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    # the kit's verdict, not nbgrader's cell timeout: the deadlock was called and the cell ended
    assert [o["ename"] for o in errors] == ["TestFailed"]
    assert errors[0]["evalue"].startswith("deadlock: ") and "queue_messages.py:" in errors[0]["evalue"]
    assert "p.join()" in errors[0]["evalue"]
    solved = json.loads((course / "autograded" / "solved" / ASSIGNMENT / "02_queue.ipynb").read_text(encoding="utf-8"))
    assert not [o for c in solved["cells"] for o in c.get("outputs", [])
                if o["output_type"] == "error" or o.get("name") == "stderr"]

    _nbgrader(course, "generate_feedback", ASSIGNMENT)
    feedback = (course / "feedback" / "deadlocks" / ASSIGNMENT / "02_queue.html").read_text(encoding="utf-8")
    assert "was stuck: every process was blocked" in feedback and "p.join()" in feedback
    _nbgrader(course, "export")
    with open(course / "grades.csv", encoding="utf-8") as f:
        exported = {row["student_id"]: float(row["score"]) for row in csv.DictReader(f)}
    assert exported == {"solved": MAX_SCORE, "untouched": 0, "deadlocks": MAX_SCORE - 2}
