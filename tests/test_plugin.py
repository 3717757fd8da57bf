"""The pytest plugin (grader/plugin.py), run out of process so the real entry point loads it.
The pytester fixture comes from tests/conftest.py."""
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from grader.course import manifest
from grader.options import METHODS
from grader.plugin import FAILURE, NEEDS_SUBMISSION, NO_PATHS, OUTPUT, POINTS

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = str(ROOT / "solutions")
EXERCISES = str(ROOT / "exercises")
USAGE_ERROR = pytest.ExitCode.USAGE_ERROR
PLAIN_TEST = "def test_plain():\n    pass\n"


@pytest.fixture(autouse=True)
def no_mpkit_environment(monkeypatch):
    for name in ("MPKIT_SUBMISSION", "MPKIT_START_METHOD", "MPKIT_TIMEOUT_SCALE"):
        monkeypatch.delenv(name, raising=False)


def run(pytester, *args):
    """pytest in a subprocess. Give --mpkit as --mpkit=PATH: pytest picks its rootdir before it
    loads plugins, so a bare `--mpkit PATH` would make PATH's ancestors candidates for the ini."""
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", *args)


def nodeids(folders, method, hidden_only=False):
    """The graded tests the plugin should collect, in manifest order."""
    return ["%s::%s[%s]" % (e.folder, s.name, method)
            for e in manifest.load() if e.folder in folders
            for s in e.scenarios() if s.hidden or not hidden_only]


def collected(result):
    return [line for line in result.stdout.lines if "::" in line]


def test_solutions_pass_with_full_points_and_junit_properties(pytester):
    result = run(pytester, "--mpkit=" + SOLUTIONS, "--mpkit-exercise", "process", "--junitxml=out.xml")
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines([POINTS.format(name="01_process", score=6, max_score=6),
                                 POINTS.format(name="total", score=6, max_score=6)])
    cases = list(ElementTree.parse(str(pytester.path / "out.xml")).iter("testcase"))
    assert len(cases) == 4
    for case in cases:
        props = {p.get("name"): p.get("value") for p in case.iter("property")}
        assert set(props) == {"exercise", "name", "status", "score", "max_score", "start_method"}
        assert props["exercise"] == "01_process"
        assert props["status"] == "passed"
        assert props["score"] == props["max_score"]


def test_stubs_fail_with_the_verdict_and_no_plugin_traceback(pytester):
    result = run(pytester, "--mpkit=" + EXERCISES, "--mpkit-exercise", "02_queue",
                 "-k", "produce_in_child or collect_tutorial")
    result.assert_outcomes(failed=2)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    failures = [line for line in result.stdout.lines
                if line.startswith(FAILURE.format(status="not_implemented", message=""))]
    assert len(failures) == 2
    assert OUTPUT in result.stdout.lines  # produce_in_child's child printed a traceback
    assert "plugin.py" not in result.stdout.str()
    result.stdout.fnmatch_lines(["mpkit: 02_queue 0/*", "mpkit: total 0/*"])


@pytest.mark.parametrize("args, env, ini, source", [
    (["--mpkit-start-method", "bogus"], None, None, "--mpkit-start-method"),
    ([], "bogus", None, "MPKIT_START_METHOD"),
    ([], None, "bogus", "mpkit_start_method"),
])
def test_a_bad_start_method_is_a_usage_error_naming_its_source(pytester, monkeypatch, args, env,
                                                               ini, source):
    if env:
        monkeypatch.setenv("MPKIT_START_METHOD", env)
    if ini:
        pytester.makeini("[pytest]\nmpkit_start_method = %s\n" % ini)
    result = run(pytester, "--mpkit=" + SOLUTIONS, "--mpkit-exercise", "process", "--co", *args)
    assert result.ret == USAGE_ERROR
    error = [line for line in result.stderr.lines if line.startswith("ERROR: %s: " % source)]
    assert len(error) == 1, result.stderr.str()
    assert "'bogus'" in error[0] and all(m in error[0] for m in METHODS + ("all",))
    result.stdout.no_fnmatch_line("*::*")


@pytest.mark.parametrize("args, env, ini", [
    (["--mpkit-start-method", "spawn"], "bogus", "bogus"),
    ([], "spawn", "bogus"),
    ([], None, "spawn"),
])
def test_the_start_method_comes_from_cli_then_env_then_ini(pytester, monkeypatch, args, env, ini):
    if env:
        monkeypatch.setenv("MPKIT_START_METHOD", env)
    pytester.makeini("[pytest]\nmpkit_start_method = %s\n" % ini)
    result = run(pytester, "--mpkit=" + SOLUTIONS, "--mpkit-exercise", "process", "--co", "-q", *args)
    assert result.ret == pytest.ExitCode.OK, result.stderr.str()
    assert collected(result) == nodeids(["01_process"], "spawn")


def test_an_exercise_with_its_own_start_methods_is_collected_under_those(pytester):
    """17_spawn_safe names spawn and forkserver in the manifest: asked for fork, the plugin
    collects its tests under spawn, and the other exercise's under fork."""
    from grader.engine import system

    if "fork" not in system.start_methods():
        pytest.skip("fork is not available here")
    result = run(pytester, "--mpkit=" + SOLUTIONS, "--mpkit-exercise", "process", "--mpkit-exercise",
                 "spawn_safe", "--mpkit-start-method", "fork", "--co", "-q")
    assert result.ret == pytest.ExitCode.OK, result.stderr.str()
    assert collected(result) == nodeids(["01_process"], "fork") + nodeids(["17_spawn_safe"], "spawn")
    header = run(pytester, "--mpkit=" + SOLUTIONS, "--mpkit-exercise", "process", "--mpkit-exercise",
                 "spawn_safe", "--mpkit-start-method", "fork", "--co")
    header.stdout.fnmatch_lines(["mpkit: grading * (01_process, 17_spawn_safe) under fork (17_spawn_safe: spawn)"])


def test_the_submission_may_come_from_the_environment(pytester, monkeypatch):
    monkeypatch.setenv("MPKIT_SUBMISSION", SOLUTIONS)
    result = run(pytester, "--mpkit-exercise", "pipe", "--mpkit-start-method", "spawn", "--co", "-q")
    assert collected(result) == nodeids(["03_pipe"], "spawn")


def test_an_ini_submission_is_relative_to_the_ini_file(pytester, monkeypatch):
    pytester.mkdir("work")
    (pytester.path / "work" / "04_lock").mkdir()
    pytester.makeini("[pytest]\nmpkit_submission = work\nmpkit_start_method = spawn\n")
    monkeypatch.chdir(pytester.mkdir("elsewhere"))
    result = run(pytester, "--mpkit-exercise", "lock", "--co", "-q")
    assert collected(result) == nodeids(["04_lock"], "spawn")


def test_a_missing_submission_folder_is_a_usage_error_naming_it(pytester):
    missing = str(pytester.path / "missing")
    result = run(pytester, "--mpkit=" + missing)
    assert result.ret == USAGE_ERROR
    assert any(line.startswith("ERROR: --mpkit: ") and repr(missing) in line
               for line in result.stderr.lines), result.stderr.str()


def test_without_a_submission_the_plugin_does_nothing(pytester):
    pytester.makepyfile(test_plain=PLAIN_TEST)
    result = run(pytester, "-v")
    result.assert_outcomes(passed=1)
    assert "mpkit:" not in result.stdout.str()


def test_mpkit_options_without_a_submission_are_a_usage_error(pytester):
    result = run(pytester, "--mpkit-exercise", "queue")
    assert result.ret == USAGE_ERROR
    assert "ERROR: " + NEEDS_SUBMISSION.format(option="--mpkit-exercise") in result.stderr.lines


def test_path_arguments_with_a_submission_are_a_usage_error(pytester):
    pytester.makepyfile(test_plain=PLAIN_TEST)
    result = run(pytester, "--mpkit=" + SOLUTIONS, "test_plain.py")
    assert result.ret == USAGE_ERROR
    assert "ERROR: " + NO_PATHS.format(args="test_plain.py") in result.stderr.lines


def test_only_graded_tests_are_collected_in_manifest_order(pytester):
    pytester.makepyfile(test_plain=PLAIN_TEST)
    result = run(pytester, "--mpkit=" + SOLUTIONS, "--mpkit-exercise", "lock",
                 "--mpkit-exercise", "01_process", "--mpkit-start-method", "spawn", "--co", "-q")
    assert collected(result) == nodeids(["01_process", "04_lock"], "spawn")
    assert "test_plain" not in result.stdout.str()


def test_graded_tests_carry_points_hidden_and_timeout_markers(pytester):
    folders = ["01_process", "02_queue"]
    args = ["--mpkit=" + SOLUTIONS, "--mpkit-exercise", "process", "--mpkit-exercise", "queue",
            "--mpkit-start-method", "spawn", "--strict-markers", "--co", "-q"]
    hidden = run(pytester, *args, "-m", "hidden and points and timeout")
    assert collected(hidden) == nodeids(folders, "spawn", hidden_only=True)
    visible = run(pytester, *args, "-m", "points and timeout and not hidden")
    assert sorted(collected(hidden) + collected(visible)) == sorted(nodeids(folders, "spawn"))
