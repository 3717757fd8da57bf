"""`mpkit verify`: stubs score 0, solutions full marks under every start method, and every
corpus case (tests/corpus/cases.toml, correct/) gets its verdict and message."""
import os
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.slow
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_mpkit_verify_passes_on_the_kit(method):
    """Where scenarios can run as users of their own (root, a Python others can run), they do
    here: the whole corpus gets the same verdicts unprivileged. The other tests and the flake
    hunter grade as the grader's own user. Where the platform has other start methods than
    spawn, the verdicts under spawn are checked by the flake hunt that .ci/run runs after the
    suite (every case, on a loaded machine, with schedules shaken), not a second time here."""
    from grader import options
    from grader.engine import isolation

    here = options.validate_start_method("all", "--start-method")
    if method not in here or (method == "spawn" and len(here) > 1):
        pytest.skip("%s: %s" % (method, "graded by the flake hunt" if method in here else "not a start method here"))
    env = dict(os.environ, MPKIT_SEPARATE_USERS="1" if isolation.available() else "0")
    done = subprocess.run([sys.executable, "-m", "grader.cli", "verify", "--start-method", method], cwd=str(ROOT),
                          env=env, capture_output=True, text=True, timeout=1500)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(" ok\n") == 5, done.stdout  # work left, manifest, stubs, graded, corpus


EMULATED_EXERCISES = ("01_process", "02_queue", "03_pipe", "04_lock", "09_shared_counter", "12_semaphore")
# macOS' paths are Windows' but for fork, stack dumps and rlimits: the seed exercises reach
# them (deadlocks dumped, a child's exit codes, output caps); the hooks' state across pickling
# is spawn's, graded along Windows' paths
EMULATED_EXERCISES_MACOS = EMULATED_EXERCISES[:4]
# verify as `mpkit verify` runs it, but the corpus without the programs by others: their
# verdicts are the judges' business, graded natively above, not the fallbacks'
FALLBACK_VERIFY = """
import sys
from grader import options
from grader.course import manifest, verify
methods = options.validate_start_method(sys.argv[1], "--start-method")
only = [manifest.find(manifest.load(), name) for name in sys.argv[2:]]
sys.exit(1 if verify.run(".", methods, only=only, realworld=False) else 0)
"""


@pytest.mark.slow
@pytest.mark.timeout(1800)
@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="emulates the fallbacks on Linux; on macOS and Windows the suite runs them natively")
@pytest.mark.parametrize("platform", ["macos", "windows"])
def test_mpkit_verify_passes_along_the_fallbacks_of(platform):
    """MPKIT_PLATFORM takes macOS' or Windows' code paths (no subreaper, /proc wait states,
    pidfd or cgroups; for Windows no fork, stack dumps or rlimits either): the solutions and
    the kit's own corpus get the same verdicts there, under spawn, their default start method
    (Windows has no other: "all" is spawn alone). To keep CI short this covers the seed
    exercises (every kind of verdict and the cheap tricks) and, along Windows' paths, the two
    later ones whose hooks carry state across pickling (a Value's watch, a Semaphore's); every
    exercise's corpus, the real-world programs included, runs natively in the tests above and
    in the flake hunt."""
    env = dict(os.environ, MPKIT_PLATFORM=platform)
    method = "spawn" if platform == "macos" else "all"
    names = EMULATED_EXERCISES_MACOS if platform == "macos" else EMULATED_EXERCISES
    done = subprocess.run([sys.executable, "-c", FALLBACK_VERIFY, method] + list(names), cwd=str(ROOT),
                          env=env, capture_output=True, text=True, timeout=1500)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(" ok\n") == 5, done.stdout  # work left, manifest, stubs, graded, corpus
    assert "(spawn)" in done.stdout and "fork" not in done.stdout, done.stdout


def test_verify_reports_a_stale_stub_and_how_to_fix_it(tmp_path, exercises):
    from grader.course import verify

    for side in ("exercises", "solutions"):
        for exercise in exercises:
            folder = tmp_path / side / exercise.folder
            folder.mkdir(parents=True)
            source = (ROOT / side / exercise.folder / exercise.filename).read_text(encoding="utf-8")
            (folder / exercise.filename).write_text(source, encoding="utf-8")
    stub = tmp_path / "exercises" / "02_queue" / "queue_messages.py"
    stub.write_text(stub.read_text(encoding="utf-8") + "\n# edited by hand\n", encoding="utf-8")
    problems = verify.check_stubs(str(tmp_path), exercises)
    assert len(problems) == 1 and "queue_messages.py" in problems[0] and "mpkit stubs" in problems[0]


def test_the_corpus_holds_every_realworld_program_once_and_names_a_bad_entry(tmp_path, exercises):
    """realworld.toml joins cases.toml: each program of realworld/ has exactly one case, and a
    bad entry is reported with its file and case number."""
    from grader.course import corpus, manifest

    corpus_dir = ROOT / "tests" / "corpus"
    listed = [c.file for c in corpus.load(str(corpus_dir), exercises) if c.file.startswith("realworld/")]
    on_disk = sorted(str(p.relative_to(corpus_dir)).replace(os.sep, "/")
                     for p in (corpus_dir / "realworld").glob("*/*.py"))
    assert sorted(listed) == on_disk and len(on_disk) >= 30

    (tmp_path / "cases.toml").write_text("", encoding="utf-8")
    (tmp_path / "realworld.toml").write_text('[[case]]\nfile = "realworld/x.py"\nexercise = "05_nope"\n',
                                             encoding="utf-8")
    with pytest.raises(manifest.ManifestError, match=r"realworld\.toml, case #1: unknown exercise"):
        corpus.load(str(tmp_path), exercises)
