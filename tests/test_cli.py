"""`mpkit` as a user runs it: exit codes, JSON results, usage errors that name the option."""
import json
import os
import subprocess
import sys

import pytest

from conftest import METHODS, ROOT
from grader.judging.outcomes import STATUSES
from grader.judging.verdict import JSON_FIELDS


def mpkit(*args, env=None):
    return subprocess.run([sys.executable, "-m", "grader.cli", *args], cwd=str(ROOT),
                          capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, **(env or {})))


def test_json_results_of_the_solutions(tmp_path):
    out = tmp_path / "results.json"
    done = mpkit("grade", "solutions", "--exercise", "queue", "--format", "json", "--output", str(out))
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["version"] == 1 and results["score"] == results["max_score"] == 6
    for test in results["tests"]:
        assert set(test) == set(JSON_FIELDS)
        assert test["exercise"] == "02_queue" and test["status"] == "passed"


@pytest.mark.parametrize("option", ["--output", "--json", "--html"])
def test_a_report_is_never_written_over_a_device_or_a_pipe(tmp_path, option):
    """`--output /dev/null` as root used to replace /dev/null by a regular file (the report is
    a new file renamed into place). A pipe, or a link to one, stands in for a device here: the
    option is refused before any grading, naming it and the way out, and the pipe stays."""
    pipe, link = tmp_path / "report", tmp_path / "link"
    os.mkfifo(str(pipe))
    link.symlink_to(pipe)
    for target in (pipe, link):
        done = mpkit("grade", "solutions", "--exercise", "queue", option, str(target))
        assert done.returncode == 2, done.stdout + done.stderr
        assert "%s: %r is not a regular file" % (option, str(target)) in done.stderr
        assert "leave %s out" % option in done.stderr and "Traceback" not in done.stderr
        assert pipe.is_fifo() and link.is_symlink()
    done = mpkit("workflow", "classroom", "--output", str(link))
    assert done.returncode == 2 and "is not a regular file" in done.stderr and pipe.is_fifo()


def test_the_stubs_fail_and_tell_a_new_student_where_to_begin():
    done = mpkit("grade", "--exercise", "01_process")
    assert done.returncode == 1
    assert "not_implemented" in done.stdout
    assert "Start here" in done.stdout and "01_process" in done.stdout


def test_json_prints_exactly_one_object_with_known_statuses():
    done = mpkit("grade", "exercises", "--exercise", "04_lock", "--format", "json")
    assert done.returncode == 1
    results = json.loads(done.stdout)
    assert {t["status"] for t in results["tests"]} <= set(STATUSES)
    assert results["score"] == 0 and results["max_score"] == 5


@pytest.mark.parametrize("args, named", [
    (["grade", "no-such-folder"], "PATH"),
    (["grade", "solutions", "--exercise", "05_nothing"], "--exercise"),
    (["grade", "solutions", "--start-method", "threads"], "--start-method"),
    (["grade", "solutions", "-j", "0"], "--jobs"),
    (["grade", "tests"], "PATH"),
    (["verify", "--quick", "--start-method", "spawn"], "--quick"),
    (["verify", "--start-method", "threads"], "--start-method"),
])
def test_usage_errors_exit_2_and_name_the_option(args, named):
    done = mpkit(*args)
    assert done.returncode == 2
    assert named in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("env, method, named", [
    ({"MPKIT_TIMEOUT_SCALE": "fast"}, "spawn", "MPKIT_TIMEOUT_SCALE"),
    ({"MPKIT_PLATFORM": "linux"}, "spawn", "MPKIT_PLATFORM"),
    ({"MPKIT_PLATFORM": "windows"}, "fork", "available: spawn"),  # as on Windows
])
def test_a_wrong_environment_variable_exits_2_and_is_named(env, method, named):
    done = mpkit("grade", "solutions", "--exercise", "01_process", "--start-method", method, env=env)
    assert done.returncode == 2, done.stdout
    assert named in done.stderr and "Traceback" not in done.stderr


def test_an_exercise_with_its_own_start_methods_is_graded_and_reported_under_those():
    """Asked for fork, 17_spawn_safe (start_methods = spawn, forkserver) is graded under spawn,
    and the report says so on each test; the stubs make it quick."""
    if "fork" not in METHODS:
        pytest.skip("fork is not available here")
    done = mpkit("grade", "exercises", "--exercise", "spawn_safe", "--start-method", "fork")
    tests = [line for line in done.stdout.splitlines() if ": not_implemented" in line]
    assert len(tests) == 4 and all("[spawn]" in line for line in tests), done.stdout
    assert "fork" not in done.stdout, done.stdout


def test_every_start_method_is_reported_once_each():
    done = mpkit("grade", "solutions", "--exercise", "01_process", "--start-method", "all",
                 "--format", "json")
    assert done.returncode == 0, done.stdout
    tests = json.loads(done.stdout)["tests"]
    per_name = {}
    for test in tests:
        per_name.setdefault(test["name"], []).append(test["start_method"])
    assert per_name and all(sorted(m) == sorted(METHODS) for m in per_name.values()), per_name


def test_grading_from_a_folder_that_holds_another_grader_uses_the_one_running(tmp_path):
    """The README's flow: the kit installed with `pip install .`, `mpkit grade` typed inside the
    checkout, whose own `grader/` is then in the working folder. The supervisor and runners must
    import the grader that is running (its paths make the scenario's view), not that folder's."""
    decoy = tmp_path / "grader"
    decoy.mkdir()
    (decoy / "__init__.py").write_text("raise ImportError('the grader of the working folder was imported')\n")
    start = "import sys; sys.path.insert(0, %r); from grader.cli import main; sys.exit(main())" % str(ROOT)
    done = subprocess.run([sys.executable, "-c", start, "grade", str(ROOT / "solutions"), "--exercise", "01_process",
                           "--format", "json"], cwd=str(tmp_path), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    results = json.loads(done.stdout)
    assert {test["status"] for test in results["tests"]} == {"passed"}, done.stdout[-2000:]


@pytest.mark.parametrize("args", [
    ["list", "--lang", "zh"],
    ["list", "--format", "json"],
    ["show", "queue", "--lang", "zh"],
    ["grade", "exercises", "--exercise", "01_process", "--lang", "zh"],
])
def test_a_reader_gone_ends_the_command_quietly(args):
    """`mpkit list --lang zh | head -5`: the reader closes the pipe; mpkit stops as Unix tools
    do, with no traceback. The reader's end is closed before mpkit starts, so every write fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "grader.cli", *args], cwd=str(ROOT), stdout=write_end,
                              stderr=subprocess.PIPE, text=True, timeout=600)
    finally:
        os.close(write_end)
    assert done.returncode == 141, done.stderr
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


@pytest.mark.parametrize("lang, statement", [("en", "README.md"), ("zh", "README.zh.md")])
def test_next_names_a_statement_that_is_really_there(tmp_path, lang, statement):
    """Grading a student's folder without the statements (submitted/alice/mpkit), run from the
    kit: "Next" names the kit's statement, not one in the graded folder that does not exist."""
    graded = tmp_path / "submitted" / "alice" / "mpkit"
    (graded / "02_queue").mkdir(parents=True)
    (graded / "02_queue" / "queue_messages.py").write_bytes(
        (ROOT / "tests" / "corpus" / "wrong" / "02_queue" / "reversed_order.py").read_bytes())
    done = mpkit("grade", str(graded), "--exercise", "queue", "--lang", lang)
    assert done.returncode == 1, done.stderr
    last = done.stdout.rstrip().splitlines()[-1]
    named = os.path.join("exercises", "02_queue", statement)
    assert named in last and str(graded) not in last, last
    assert (ROOT / named).is_file()
