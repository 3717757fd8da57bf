"""Schedules shaken on purpose (`mpkit grade --shake SEED`): racy code that passes by luck fails
for a seed, the same seed gives the same verdict again, the report names the seed and the
command that reproduces it, and the corpus keeps its verdicts under shaking."""
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import pytest

from conftest import ROOT

RACY = ROOT / "tests" / "corpus" / "racy" / "03_pipe" / "short_poll.py"
# a seed whose delays start short_poll.py's child 32 ms late (its poll waits 10 ms) while
# its parent goes on at once: found from the streams shake.py draws, and bound to its constants
LOSING_SEED = "80"
CORPUS_SEED = "2026"
# the exercise whose corpus is graded shaken here: a lock's acquires, releases and the prints
# made holding it, starts and joins (about 15 s); the whole corpus under shaking is the flake
# hunt's (bench/flake_hunter.py --shake), too long for CI
SHAKEN_EXERCISES = ("04_lock",)


def mpkit(*args, env=None):
    return subprocess.run([sys.executable, "-m", "grader.cli", *args], cwd=str(ROOT),
                          capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, **(env or {})))


@pytest.fixture
def racy(tmp_path):
    folder = tmp_path / "submission" / "03_pipe"
    folder.mkdir(parents=True)
    shutil.copyfile(str(RACY), str(folder / "one_way_pipe.py"))
    return str(tmp_path / "submission")


def tutorial(results):
    return [t for t in results["tests"] if t["name"] == "receive_all_tutorial"][0]


@pytest.mark.skipif(sys.platform != "linux", reason="the seed was chosen for fork, which is Linux's")
def test_a_seed_makes_lucky_racy_code_fail_and_the_same_seed_fails_it_again(racy):
    args = ("grade", racy, "--exercise", "03_pipe", "--start-method", "fork")
    first = mpkit(*args, "--format", "json", "--shake", LOSING_SEED)
    assert first.returncode == 1, first.stderr
    results = json.loads(first.stdout)
    assert results["version"] == 1
    assert tutorial(results)["status"] == "failed"
    assert "returned []" in tutorial(results)["message"]
    command = "mpkit grade %s --exercise 03_pipe --start-method fork --shake %s" % (racy, LOSING_SEED)
    assert results["shake"] == {"seed": int(LOSING_SEED), "reproduce": [command]}

    again = mpkit(*args, "--shake=" + LOSING_SEED, "--lang", "en")  # the text report
    assert again.returncode == 1
    assert re.search(r"receive_all_tutorial\b.*\bfailed", again.stdout), again.stdout
    assert "seed %s" % LOSING_SEED in again.stdout and command in again.stdout


def test_shake_without_a_seed_picks_one_and_junit_carries_it(racy, tmp_path):
    out = tmp_path / "junit.xml"
    done = mpkit("grade", racy, "--exercise", "03_pipe", "--start-method", "spawn", "--format",
                 "junit", "--output", str(out), "--shake")
    assert done.returncode in (0, 1), done.stderr  # the racy scenarios may pass or fail
    cases = list(ElementTree.parse(str(out)).iter("testcase"))
    assert len(cases) == 5
    seeds = set()
    for case in cases:
        props = {p.get("name"): p.get("value") for p in case.iter("property")}
        seeds.add(props["shake_seed"])
        if props["verdict"] != "passed":
            assert props["reproduce"].endswith("--start-method spawn --shake " + props["shake_seed"])
    assert len(seeds) == 1 and seeds.pop().isdigit()


@pytest.mark.parametrize("args, env, named", [
    (("--shake", "abc"), {}, "--shake"),
    (("--shake", "-3"), {}, "--shake"),
    ((), {"MPKIT_SHAKE": "1.5"}, "MPKIT_SHAKE"),
])
def test_a_bad_seed_is_a_usage_error_naming_the_option(args, env, named):
    done = mpkit("grade", "solutions", "--exercise", "01_process", *args, env=env)
    assert done.returncode == 2
    assert named in done.stderr and "seed" in done.stderr and "Traceback" not in done.stderr


def test_the_corpus_keeps_its_verdicts_under_a_shaken_schedule():
    """Solutions, stubs and every corpus case of the exercises chosen, graded under fork with
    a fixed seed: correct code still passes, and each wrong case gets its verdict."""
    chosen = []
    for name in SHAKEN_EXERCISES:
        chosen += ["--exercise", name]
    done = mpkit("verify", "--start-method", "fork", *chosen, env={"MPKIT_SHAKE": CORPUS_SEED})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "corpus (fork)" in done.stdout and done.stdout.count(" ok\n") == 5, done.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="the seed was chosen for fork, which is Linux's")
def test_the_pytest_plugin_shakes_with_the_seed_it_is_given(pytester, racy):
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "--mpkit=" + racy, "--mpkit-start-method", "fork",
        "--mpkit-shake", LOSING_SEED, "-k", "receive_all_tutorial")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*schedules shaken with seed %s*" % LOSING_SEED])
    bad = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--mpkit=" + racy, "--mpkit-shake", "x")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR
    bad.stderr.fnmatch_lines(["*--mpkit-shake*seed*"])
