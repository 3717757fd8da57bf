"""The GitHub workflows a course uses, made from the manifest so they never drift: GitHub
Classroom's autograding for student repositories (docs/classroom.yml) and the instructor's
class grading in shards (docs/grade-class.yml). The committed copies equal what `mpkit workflow`
makes, are valid for GitHub Actions (check-jsonschema's workflow schema, no network), and run
mpkit commands the CLI accepts."""
import json
import os
import shlex
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from grader import cli
from grader.course import manifest
from test_cli import mpkit

CLASSROOM = ROOT / "docs" / "classroom.yml"
SHARDS = ROOT / "docs" / "grade-class.yml"


def _load(path):
    from ruamel.yaml import YAML  # check-jsonschema's own YAML reader

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _accepted(command):
    """The mpkit command line parses (GitHub expressions replaced by sample values)."""
    command = command.replace("${{ matrix.shard }}", "1").replace("${{ inputs.submissions }}", "subs")
    words = shlex.split(command)
    assert words[0] == "mpkit", command
    cli._parser().parse_args(words[1:])


@pytest.mark.parametrize("path, args", [(CLASSROOM, ["workflow", "classroom"]),
                                        (SHARDS, ["workflow", "shards", "--shards", "4"])])
def test_the_committed_workflow_is_the_generated_one_and_valid_for_github(path, args):
    done = mpkit(*args)
    assert done.returncode == 0, done.stderr
    assert done.stdout == path.read_text(encoding="utf-8"), "regenerate: mpkit %s --output %s" % (
        " ".join(args), path.relative_to(ROOT))
    valid = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                            "vendor.github-workflows", str(path)], capture_output=True, text=True, timeout=120)
    assert valid.returncode == 0, valid.stdout + valid.stderr


def test_classroom_grades_each_exercise_as_a_step_with_its_points():
    workflow = _load(CLASSROOM)
    assert workflow["permissions"] == {"checks": "write", "actions": "read", "contents": "read"}
    steps = workflow["jobs"]["run-autograding-tests"]["steps"]
    graders = [s for s in steps if s.get("uses") == "education/autograding-command-grader@v1"]
    exercises = manifest.load()
    assert len(graders) == len(exercises)
    for step, exercise in zip(graders, exercises):
        # the student's repository holds the visible tests alone: what they are worth
        assert step["with"]["max-score"] == sum(s.points for s in exercise.scenarios() if not s.hidden)
        assert "--exercise %s" % exercise.folder in step["with"]["command"]
        _accepted(step["with"]["command"])
    reporter = next(s for s in steps if s.get("uses") == "education/autograding-grading-reporter@v1")
    assert reporter["with"]["runners"].split(",") == [s["id"] for s in graders]
    assert set(reporter["env"]) == {s["id"].upper() + "_RESULTS" for s in graders}
    summary = next(s for s in steps if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    _accepted(summary["run"].split(">>")[0].replace("mpkit-results/*.json", "a.json"))
    upload = next(s for s in steps if s.get("uses") == "actions/upload-artifact@v4")
    assert upload["with"]["path"].startswith("mpkit-results")


def test_a_classroom_steps_log_shows_where_each_process_was_stuck_and_its_json_feeds_the_summary(tmp_path):
    """The student reads the step's log: the text report with its messages, not silence."""
    steps = _load(CLASSROOM)["jobs"]["run-autograding-tests"]["steps"]
    step = next(s for s in steps if s.get("id") == "mpkit-02-queue")
    student = tmp_path / "student"  # the student's repository, with a collect that waits forever
    (student / "exercises" / "02_queue").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "corpus" / "wrong" / "02_queue" / "no_stop.py",
                student / "exercises" / "02_queue" / "queue_messages.py")
    (student / "mpkit-results").mkdir()
    words = shlex.split(step["with"]["command"])
    done = subprocess.run([sys.executable, "-m", "grader.cli"] + words[1:], cwd=student, capture_output=True,
                          text=True, timeout=600, env=dict(os.environ, NO_COLOR="1"))
    assert done.returncode == 1, done.stderr  # the step fails, as Classroom scores it
    assert "collect_tutorial: deadlock" in done.stdout
    assert "Where each process was" in done.stdout and "in collect: item = q.get()" in done.stdout, done.stdout
    results = json.loads((student / "mpkit-results" / "02_queue.json").read_text(encoding="utf-8"))
    assert {t["name"]: t["status"] for t in results["tests"]}["collect_tutorial"] == "deadlock"
    summary = next(s for s in steps if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    table = subprocess.run([sys.executable, "-m", "grader.cli", "summary", "mpkit-results/02_queue.json"],
                           cwd=student, capture_output=True, text=True, timeout=120)
    assert "mpkit summary mpkit-results/*.json" in summary["run"]
    assert table.returncode == 0 and "deadlock" in table.stdout, table.stderr


def test_the_docs_say_classroom_runs_no_hidden_test_and_is_not_the_grade_of_record():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### GitHub Classroom"):readme.index("### Any CI")]
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    header = CLASSROOM.read_text(encoding="utf-8").split("\nname:")[0]
    for text in (section, guide, header):
        assert "hidden tests never run" in text.lower() and "grade of record" in text
        assert "grade-batch" in text and "Gradescope" in text and "edit" in text


def test_the_class_is_graded_in_shards_and_merged_in_a_last_job():
    jobs = _load(SHARDS)["jobs"]
    assert jobs["grade"]["strategy"]["matrix"]["shard"] == [1, 2, 3, 4]
    runs = [s["run"] for s in jobs["grade"]["steps"] if "grade-batch" in s.get("run", "")]
    assert len(runs) == 1 and "--shard ${{ matrix.shard }}/4" in runs[0]
    _accepted(runs[0])
    assert jobs["merge"]["needs"] == "grade"
    merge = [s["run"] for s in jobs["merge"]["steps"] if "mpkit merge" in s.get("run", "")]
    assert len(merge) == 1
    _accepted(merge[0].replace("shards/*", "shards/a shards/b"))
