"""The exercises as nbgrader notebooks: made from the single source, graded by `mpkit grade`
without a kernel exactly as the modules are, and `check` shown in a real Jupyter kernel."""
import csv
import json
import os
import re
import shutil
import sys

import pytest

from grader import cli
from grader.course import manifest, notebooks, stubs
from grader.messages import text
from conftest import ROOT

nbformat = pytest.importorskip("nbformat", reason="nbformat comes with the dev extra (nbgrader)")

CORPUS = ROOT / "tests" / "corpus" / "wrong"


def _cells(nb):
    return {cell["id"]: cell for cell in nb["cells"]}


def _source(cell):
    return "".join(cell["source"])


def test_committed_course_equals_the_generated_one(exercises):
    course = ROOT / "notebooks"
    wanted = notebooks.course_files(str(ROOT), exercises)
    for rel, content in wanted.items():
        path = course / rel
        assert path.is_file(), "%s is missing: run `mpkit notebooks notebooks`" % path
        assert path.read_text(encoding="utf-8") == content, "%s is stale: run `mpkit notebooks notebooks`" % path
    on_disk = {p.relative_to(course).as_posix() for p in course.rglob("*") if p.is_file()}
    assert on_disk == set(wanted), "notebooks/ holds files no exercise makes: %s" % (on_disk - set(wanted))


def _unmarked(source):
    """The code without nbgrader's or the kit's markers and todo comments."""
    return [line for line in source.splitlines()
            if not re.match(r"\s*(### (BEGIN|END) SOLUTION|# TODO: )", line)]


@pytest.mark.parametrize("folder", [e.folder for e in manifest.load()])
def test_a_notebook_holds_the_statement_the_solution_and_every_graded_test(folder, exercises):
    exercise = manifest.find(exercises, folder)
    nb = json.loads(notebooks.dumps(notebooks.notebook(str(ROOT), exercise)))
    cells = _cells(nb)
    statement = cells[folder + "-statement"]
    readme = (ROOT / "exercises" / folder / "README.md").read_text(encoding="utf-8")
    assert _source(statement) == notebooks.notebook_statement(readme, exercise, "en")
    assert statement["metadata"]["nbgrader"]["locked"] and not statement["metadata"]["nbgrader"]["grade"]
    assert (folder + "-statement-zh" in cells) == (ROOT / "exercises" / folder / "README.zh.md").is_file()
    solution = cells[folder + "-solution"]
    assert solution["metadata"]["nbgrader"]["solution"] and not solution["metadata"]["nbgrader"]["locked"]
    module = notebooks.modules_in(json.dumps(nb))[exercise.filename]
    reference = (ROOT / "solutions" / folder / exercise.filename).read_text(encoding="utf-8")
    assert _unmarked(module) == _unmarked(reference)
    assert module.count("### BEGIN SOLUTION\n") == reference.count("### BEGIN SOLUTION")
    tests = [cell for cell in nb["cells"] if cell["metadata"]["nbgrader"]["grade"]]
    scenarios = exercise.scenarios()
    assert [c["metadata"]["nbgrader"]["grade_id"] for c in tests] == ["%s-%s" % (folder, s.name) for s in scenarios]
    assert [c["metadata"]["nbgrader"]["points"] for c in tests] == [s.points for s in scenarios]
    assert sum(s.points for s in scenarios) == exercise.points
    for cell, scenario in zip(tests, scenarios):
        source = _source(cell)
        assert "grade_test(%r, %r)" % (folder, scenario.name) in source
        assert source.startswith("### BEGIN HIDDEN TESTS\n") == scenario.hidden


@pytest.mark.parametrize("folder", [e.folder for e in manifest.load()])
def test_a_notebook_speaks_of_notebooks_and_says_first_how_to_install_the_grader(folder, exercises):
    """Its statements name the `%%writefile` cell, the test cells and check(), not a file of
    exercises/, an `mpkit` command or a README.zh.md the course folder does not have; its first
    cell says how to install the grader of the student release (visible tests only)."""
    exercise = manifest.find(exercises, folder)
    nb = json.loads(notebooks.dumps(notebooks.notebook(str(ROOT), exercise)))
    assert nb["cells"][0]["id"] == folder + "-setup"
    setup = _source(nb["cells"][0])
    assert "mpkit release" in setup and "%pip install" in setup and "visible tests only" in setup
    for cell in nb["cells"]:
        if cell["id"] in (folder + "-statement", folder + "-statement-zh"):
            statement = _source(cell)
            assert "%%writefile " + exercise.filename in statement and 'check("%s"' % folder in statement
            for stray in ("exercises/", "mpkit ", "README"):
                assert stray not in statement, (cell["id"], stray)


def test_a_chinese_statement_beside_the_readme_becomes_its_own_cell(tmp_path, exercises):
    exercise = manifest.find(exercises, "queue")
    for side in ("exercises", "solutions"):
        shutil.copytree(ROOT / side / exercise.folder, tmp_path / side / exercise.folder)
    (tmp_path / "exercises" / exercise.folder / "README.zh.md").write_text("# 用 Queue 传递数据\n", encoding="utf-8")
    cells = _cells(json.loads(notebooks.dumps(notebooks.notebook(str(tmp_path), exercise))))
    assert _source(cells["02_queue-statement-zh"]) == "# 用 Queue 传递数据\n"
    assert cells["02_queue-statement-zh"]["metadata"]["nbgrader"]["locked"]


def test_broken_solution_markers_name_the_file(tmp_path, exercises):
    exercise = manifest.find(exercises, "queue")
    for side in ("exercises", "solutions"):
        shutil.copytree(ROOT / side / exercise.folder, tmp_path / side / exercise.folder)
    solution = tmp_path / "solutions" / exercise.folder / exercise.filename
    solution.write_text(solution.read_text(encoding="utf-8").replace("    ### END SOLUTION\n", "", 1),
                        encoding="utf-8")
    with pytest.raises(stubs.StubError, match=re.escape(str(solution))):
        notebooks.notebook(str(tmp_path), exercise)


def _notebook_submission(folder, modules, exercises):
    """A folder of the course's notebooks, each solution cell holding the given module."""
    course = ROOT / "notebooks" / "source" / "mpkit"
    folder.mkdir(parents=True)
    for exercise in exercises:
        source = (course / (exercise.folder + ".ipynb")).read_text(encoding="utf-8")
        (folder / (exercise.folder + ".ipynb")).write_text(
            notebooks.with_module(source, exercise.filename, modules[exercise.folder]), encoding="utf-8")


def _grade_json(path, capsys, *options):
    assert cli.main(["grade", str(path), "--format", "json"] + list(options)) == cli.EXIT_FAILED
    return json.loads(capsys.readouterr().out)


def test_a_notebook_folder_gets_the_verdicts_of_the_same_modules_in_a_folder(tmp_path, capsys, exercises):
    sources = {
        "01_process": ROOT / "solutions" / "01_process" / "hello_process.py",
        "02_queue": CORPUS / "02_queue" / "join_before_get.py",
        "03_pipe": ROOT / "exercises" / "03_pipe" / "one_way_pipe.py",
        "04_lock": CORPUS / "04_lock" / "no_lock.py",
    }
    modules = {folder: path.read_text(encoding="utf-8") for folder, path in sources.items()}
    chosen = [e for e in exercises if e.folder in modules]
    _notebook_submission(tmp_path / "alice" / "mpkit", modules, chosen)
    for exercise in chosen:
        (tmp_path / "modules" / exercise.folder).mkdir(parents=True)
        (tmp_path / "modules" / exercise.folder / exercise.filename).write_text(
            modules[exercise.folder], encoding="utf-8")
    only = [option for e in chosen for option in ("--exercise", e.folder)]  # the course has more
    from_notebooks = _grade_json(tmp_path / "alice", capsys, *only)
    from_modules = _grade_json(tmp_path / "modules", capsys, *only)

    def key(tests):
        # messages name pids and seconds, which differ from run to run, and a stub's names the
        # file or the notebook's cell to edit: the rest must be the same
        return [(t["exercise"], t["name"], t["status"], t["score"],
                 re.sub(r"(pid|process) \d+|\d+\.\d+ s", "N", t["message"])
                 if t["status"] != "not_implemented" else "") for t in tests]
    assert key(from_notebooks["tests"]) == key(from_modules["tests"])
    stubs = [t["message"] for t in from_notebooks["tests"] if t["status"] == "not_implemented"]
    assert stubs and all("`%%writefile one_way_pipe.py`" in m and "03_pipe/" not in m for m in stubs)
    statuses = {(t["exercise"], t["status"]) for t in from_notebooks["tests"]}
    assert {("01_process", "passed"), ("02_queue", "deadlock"), ("03_pipe", "not_implemented"),
            ("04_lock", "failed")} <= statuses


def test_a_notebook_without_its_writefile_line_is_told_so(tmp_path, capsys, exercises):
    exercise = manifest.find(exercises, "queue")
    nb = json.loads((ROOT / "notebooks" / "source" / "mpkit" / "02_queue.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["id"] == "02_queue-solution":
            cell["source"] = _source(cell).partition("\n")[2]
    path = tmp_path / "02_queue.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    assert cli.main(["grade", str(path)]) == cli.EXIT_USAGE
    assert "02_queue.ipynb" in capsys.readouterr().err
    report = _grade_json(path, capsys, "--exercise", "queue")
    assert {t["message"] for t in report["tests"]} == {
        text("nb_no_writefile", notebook="02_queue.ipynb", file=exercise.filename, folder=exercise.folder)}


def test_a_file_that_is_no_notebook_is_named(tmp_path, capsys):
    path = tmp_path / "broken.ipynb"
    path.write_text("{not json", encoding="utf-8")
    assert cli.main(["grade", str(path)]) == cli.EXIT_USAGE
    assert "broken.ipynb" in capsys.readouterr().err


def test_grade_test_raises_with_the_verdicts_message_and_says_what_to_run_first(tmp_path, capsys):
    from grader.notebook import TestFailed, grade_test

    with pytest.raises(TestFailed, match="%%writefile queue_messages.py"):
        grade_test("02_queue", "collect_tutorial", folder=str(tmp_path))
    with pytest.raises(ValueError, match="collect_tutorial"):
        grade_test("02_queue", "no_such_test", folder=str(tmp_path))
    shutil.copyfile(ROOT / "exercises" / "02_queue" / "queue_messages.py", tmp_path / "queue_messages.py")
    with pytest.raises(TestFailed) as stub:  # the stub: edit the cell, not a file of exercises/
        grade_test("02_queue", "collect_tutorial", folder=str(tmp_path))
    assert "`%%writefile queue_messages.py`" in str(stub.value) and "02_queue/" not in str(stub.value)
    shutil.copyfile(CORPUS / "02_queue" / "reversed_order.py", tmp_path / "queue_messages.py")
    with pytest.raises(TestFailed, match=r"^failed: .*collect\(\[11, None, 'lily'\]\)"):
        grade_test("02_queue", "collect_tutorial", folder=str(tmp_path))
    shutil.copyfile(ROOT / "solutions" / "02_queue" / "queue_messages.py", tmp_path / "queue_messages.py")
    grade_test("02_queue", "collect_tutorial", folder=str(tmp_path))
    captured = capsys.readouterr()
    assert captured.out == text("nb_passed", name="collect_tutorial", points="1") + "\n"
    assert captured.err == ""


def test_check_shows_an_html_table_in_a_real_kernel(tmp_path, monkeypatch):
    """`check` in Jupyter: one HTML table with each verdict and the failed test's message, and
    nothing on stderr; the kernel is the real ipykernel that nbclient starts."""
    nbclient = pytest.importorskip("nbclient")
    from nbformat import v4

    module = (CORPUS / "02_queue" / "join_before_get.py").read_text(encoding="utf-8")
    nb = v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                  "language": "python"}})
    nb.cells = [v4.new_code_cell("%%writefile queue_messages.py\n" + module),
                v4.new_code_cell("from grader.notebook import check\ncheck(\"02_queue\")")]
    # the kernel is this interpreter's (the kit is installed in it)
    monkeypatch.setenv("PATH", os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    nbclient.NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = nb.cells[1].outputs
    assert [o.output_type for o in outputs] == ["display_data"], outputs
    table = outputs[0].data["text/html"]
    assert table.count("<tr>") >= 6 and "collect_large" in table and "deadlock" in table
    assert "queue_messages.py:" in table and "p.join()" in table
    assert "text/plain" in outputs[0].data


def test_grade_batch_grades_nbgraders_submitted_folder_as_it_is(tmp_path, exercises):
    exercise = manifest.find(exercises, "queue")
    solution = (ROOT / "solutions" / "02_queue" / "queue_messages.py").read_text(encoding="utf-8")
    _notebook_submission(tmp_path / "submitted" / "alice" / "mpkit", {"02_queue": solution}, [exercise])
    source = (ROOT / "notebooks" / "source" / "mpkit" / "02_queue.ipynb").read_text(encoding="utf-8")
    (tmp_path / "submitted" / "bob" / "mpkit").mkdir(parents=True)
    (tmp_path / "submitted" / "bob" / "mpkit" / "02_queue.ipynb").write_text(
        source.replace("%%writefile queue_messages.py", "# the magic line deleted"), encoding="utf-8")
    grades = tmp_path / "grades.csv"
    assert cli.main(["grade-batch", str(tmp_path / "submitted"), "--csv", str(grades),
                     "--exercise", "queue", "--feedback", str(tmp_path / "feedback")]) == cli.EXIT_OK
    with open(grades, encoding="utf-8") as f:
        rows = {row["student"]: row for row in csv.DictReader(f)}
    assert (rows["alice"]["02_queue"], rows["bob"]["02_queue"]) == ("6", "0")
    told = text("nb_no_writefile", notebook="mpkit/02_queue.ipynb", file=exercise.filename, folder=exercise.folder)
    feedback = (tmp_path / "feedback" / "bob.md").read_text(encoding="utf-8")
    assert told in re.sub(r"\\([\\`\[\]<>])", r"\1", feedback)  # as Markdown shows it: escapes undone


@pytest.mark.parametrize("options, named", [
    (["--assignment", "ps 1"], "--assignment"),
    (["--exercise", "05_nothing"], "--exercise"),
    (["--root", "no/such/kit"], "--root: 'no/such/kit'"),
])
def test_notebooks_with_bad_input_exits_2_and_names_what_is_at_fault(tmp_path, capsys, options, named):
    assert cli.main(["notebooks", str(tmp_path / "course")] + options) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert named in err and "Traceback" not in err


def test_notebooks_into_a_place_that_cannot_be_written_names_it(tmp_path, capsys):
    (tmp_path / "a_file").write_text("", encoding="utf-8")
    assert cli.main(["notebooks", str(tmp_path / "a_file" / "course"), "--root", str(ROOT)]) == cli.EXIT_USAGE
    assert str(tmp_path / "a_file") in capsys.readouterr().err


def test_the_notebook_wins_over_a_stale_module_file_beside_it(tmp_path, exercises):
    """nbgrader's autograde runs the `%%writefile` cell, which overwrites the file: so does the kit."""
    from grader.platforms import submissions

    exercise = manifest.find(exercises, "queue")
    solution = (ROOT / "solutions" / "02_queue" / "queue_messages.py").read_text(encoding="utf-8")
    _notebook_submission(tmp_path / "alice", {"02_queue": solution}, [exercise])
    (tmp_path / "alice" / "queue_messages.py").write_text("# an older run of the cell\n", encoding="utf-8")
    found = submissions.unpack(str(tmp_path / "alice"), [exercise], str(tmp_path / "unpacked"))
    taken = (tmp_path / "unpacked" / "02_queue" / "queue_messages.py").read_text(encoding="utf-8")
    assert taken == notebooks.modules_in((tmp_path / "alice" / "02_queue.ipynb").read_text(encoding="utf-8"))[
        "queue_messages.py"]
    assert "def collect(items):" in taken
