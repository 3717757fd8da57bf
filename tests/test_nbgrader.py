"""End to end with the real nbgrader: a course made by `mpkit notebooks`, the student version
made by `nbgrader generate_assignment`, four submissions autograded by `nbgrader autograde`
into its sqlite gradebook, then `generate_feedback` and `export`; and `mpkit nbgrader-scores`,
which writes the kit's own scores into that gradebook, decided outside the students' kernels.
One nbgrader run (the module's fixture) serves every test; each test that changes the course
works on a copy of it."""
import csv
import json
import os
import shutil
import subprocess
import sys

import pytest

from grader import cli
from grader.course import notebooks
from conftest import ROOT

pytest.importorskip("nbgrader", reason="nbgrader comes with the dev extra")

ASSIGNMENT = "ps1"
MAX_SCORE = 6  # 02_queue's points in the manifest
# a cell a student adds above the graded cells: it runs first, in the kernel that runs them
REPLACES_GRADE_TEST = "import grader.notebook\ngrader.notebook.grade_test = lambda *a, **k: None"
HONEST = {"solved": MAX_SCORE, "untouched": 0, "deadlocks": MAX_SCORE - 2}


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


def _with_cell_after_module(notebook_text, source):
    """The notebook with a plain code cell of the student's own just below the `%%writefile` cell."""
    notebook = json.loads(notebook_text)
    cells = notebook["cells"]
    at = next(i for i, c in enumerate(cells) if "".join(c["source"]).startswith("%%writefile"))
    cells.insert(at + 1, {"cell_type": "code", "execution_count": None, "id": "added-by-student",
                          "metadata": {}, "outputs": [], "source": source})
    return json.dumps(notebook, indent=1) + "\n"


def _gradebook_scores(course):
    from nbgrader.api import Gradebook

    with Gradebook("sqlite:///%s" % (course / "gradebook.db"), ASSIGNMENT) as gradebook:
        return {s.student.id: s.score for s in gradebook.find_assignment(ASSIGNMENT).submissions}


def _exported(course):
    _nbgrader(course, "export")
    with open(course / "grades.csv", encoding="utf-8") as f:
        return {row["student_id"]: float(row["score"]) for row in csv.DictReader(f)}


@pytest.fixture(scope="module")
def nbgrader_course(tmp_path_factory):
    """(the course after `nbgrader autograde`, the same course before it, the student version of
    the notebook): four submissions, one of which replaces grade_test from a cell of its own."""
    root = tmp_path_factory.mktemp("nbgrader")
    course = root / "course"
    assert cli.main(["notebooks", str(course), "--exercise", "queue", "--assignment", ASSIGNMENT,
                     "--root", str(ROOT)]) == cli.EXIT_OK
    _nbgrader(course, "generate_assignment", ASSIGNMENT)
    release = (course / "release" / ASSIGNMENT / "02_queue.ipynb").read_text(encoding="utf-8")
    solution = (ROOT / "solutions" / "02_queue" / "queue_messages.py").read_text(encoding="utf-8")
    deadlock = (ROOT / "tests" / "corpus" / "wrong" / "02_queue" / "join_before_get.py").read_text(encoding="utf-8")
    _submit(course, "solved", notebooks.with_module(release, "queue_messages.py", solution))
    _submit(course, "untouched", release)
    _submit(course, "deadlocks", notebooks.with_module(release, "queue_messages.py", deadlock))
    _submit(course, "cheats", _with_cell_after_module(release, REPLACES_GRADE_TEST))
    shutil.copytree(course, root / "before_autograde")
    _nbgrader(course, "autograde", ASSIGNMENT)
    return course, root / "before_autograde", release


@pytest.mark.timeout(1200)  # generate_assignment and autograde (the fixture), feedback, export
def test_nbgrader_autogrades_the_notebooks_into_its_gradebook(nbgrader_course):
    from nbgrader.api import Gradebook

    course, _, release = nbgrader_course
    assert "raise NotImplementedError" in release and "q.put(STOP)" not in release
    assert "grade_test('02_queue', 'collect_tutorial')" in release
    assert "grade_test('02_queue', 'collect_large')" not in release  # a hidden test

    with Gradebook("sqlite:///%s" % (course / "gradebook.db")) as gradebook:
        lost = {g.name: g.score for g in gradebook.find_submission_notebook(
            "02_queue", ASSIGNMENT, "deadlocks").grades if g.score != g.max_score}
    assert {s: score for s, score in _gradebook_scores(course).items() if s in HONEST} == HONEST
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
    assert {s: score for s, score in _exported(course).items() if s in HONEST} == HONEST


@pytest.mark.timeout(600)
def test_a_cell_that_replaces_grade_test_gets_the_kits_score_from_nbgrader_scores(nbgrader_course, tmp_path, capsys):
    course = tmp_path / "course"
    shutil.copytree(nbgrader_course[0], course)
    # today's flow: `nbgrader autograde` scores the stub full marks, since the student's own cell
    # ran in the kernel that ran the graded cells
    assert _gradebook_scores(course) == dict(HONEST, cheats=MAX_SCORE)
    assert _exported(course) == dict(HONEST, cheats=MAX_SCORE)

    capsys.readouterr()
    assert cli.main(["nbgrader-scores", str(course), "--assignment", ASSIGNMENT]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "cheats: 0/%d (the gradebook had %d)" % (MAX_SCORE, MAX_SCORE) in out
    assert "solved: %d/%d\n" % (MAX_SCORE, MAX_SCORE) in out  # the same score as before: no "had"
    assert _gradebook_scores(course) == dict(HONEST, cheats=0)
    assert _exported(course) == dict(HONEST, cheats=0)


@pytest.mark.timeout(600)
def test_nbgrader_scores_grades_a_course_that_nbgrader_never_autograded(nbgrader_course, tmp_path, capsys):
    course = tmp_path / "course"
    shutil.copytree(nbgrader_course[1], course)
    assert cli.main(["nbgrader-scores", str(course), "--assignment", "ps9"]) == cli.EXIT_USAGE
    assert "--assignment: the gradebook has no assignment 'ps9' (it has: %s)" % ASSIGNMENT in capsys.readouterr().err
    assert cli.main(["nbgrader-scores", str(course), "--assignment", ASSIGNMENT, "--student", "nobody"]) == cli.EXIT_USAGE
    assert "--student: no submission of nobody in %s" % (course / "submitted") in capsys.readouterr().err
    assert cli.main(["nbgrader-scores", str(course / "submitted"), "--assignment", ASSIGNMENT]) == cli.EXIT_USAGE
    assert "COURSE_DIR: no gradebook at %s" % (course / "submitted" / "gradebook.db") in capsys.readouterr().err
    assert not (course / "autograded").exists() and _gradebook_scores(course) == {}

    # what nbgrader grades is 02_queue.ipynb itself: not a notebook beside it, nor through a link
    _submit(course, "beside", nbgrader_course[2])
    solved = course / "submitted" / "solved" / ASSIGNMENT / "02_queue.ipynb"
    shutil.copy(solved, course / "submitted" / "beside" / ASSIGNMENT / "draft.ipynb")
    (course / "submitted" / "linked" / ASSIGNMENT).mkdir(parents=True)
    (course / "submitted" / "linked" / ASSIGNMENT / "02_queue.ipynb").symlink_to(solved)

    # the students are added to the gradebook, with their submissions: no kernel ever ran
    assert cli.main(["nbgrader-scores", str(course), "--assignment", ASSIGNMENT]) == cli.EXIT_OK
    assert _exported(course) == dict(HONEST, cheats=0, beside=0, linked=0)
    assert not (course / "autograded").exists()

    # a submission made before the assignment had a cell: the others are written, that one named
    from nbgrader.api import Gradebook

    with Gradebook("sqlite:///%s" % (course / "gradebook.db")) as gradebook:
        gradebook.db.delete(gradebook.find_grade("02_queue-collect_large", "02_queue", ASSIGNMENT, "solved"))
        gradebook.db.commit()
    capsys.readouterr()
    assert cli.main(["nbgrader-scores", str(course), "--assignment", ASSIGNMENT, "--student", "solved"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "warning: solved: the gradebook's submission has no 02_queue/02_queue-collect_large" in out
    assert "solved: %d/%d\n" % (MAX_SCORE - 2, MAX_SCORE - 2) in out
