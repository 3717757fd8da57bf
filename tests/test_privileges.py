"""Privilege separation, tried as an attacker would, through the real CLI: each attack module
below does none of the exercise's work and tries to get points, or to spoil the grade of a
correct submission graded in the same run, by reaching what grades it.

The first tests need nothing special: the judge is total and the trusted side reads a bounded
amount. The others run as root with MPKIT_SEPARATE_USERS=1, where every scenario runs as a
user of its own; they are skipped where that layer cannot be set up (not root, or no Python
other users can run), which `mpkit grade` names in a note.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys

import psutil
import pytest

import grader
from conftest import ROOT
from grader.engine import isolation

NEIGHBOUR = ("02_queue", "queue_messages.py")
REST = """
def run_greeting(name):
    raise NotImplementedError

def start_in_background(target, *args):
    raise NotImplementedError
"""


def grade(tmp_path, greet_body, separate=False):
    """Grade an attack (as 01_process's greet) beside a correct 02_queue: (results, stderr)."""
    sub = tmp_path / "sub"
    (sub / "01_process").mkdir(parents=True)
    (sub / "01_process" / "hello_process.py").write_text(
        "import glob, json, os, signal, sys\n\ndef greet(name):\n" + greet_body + REST, encoding="utf-8")
    (sub / NEIGHBOUR[0]).mkdir()
    shutil.copyfile(ROOT / "solutions" / NEIGHBOUR[0] / NEIGHBOUR[1], sub / NEIGHBOUR[0] / NEIGHBOUR[1])
    env = dict(os.environ, MPKIT_SEPARATE_USERS="1" if separate else "0",
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    done = subprocess.run([sys.executable, "-m", "grader.cli", "grade", str(sub), "--format", "json",
                           "--exercise", "01_process", "--exercise", NEIGHBOUR[0]],
                          cwd=str(tmp_path), env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    results = json.loads(done.stdout)
    tests = {t["name"]: t for t in results["tests"]}
    neighbour = [t for t in results["tests"] if t["exercise"] == NEIGHBOUR[0]]
    assert all(t["status"] == "passed" for t in neighbour), neighbour  # never spoiled
    assert tests["greet_prints"]["score"] == 0, tests["greet_prints"]  # the attack earns nothing
    return tests, done.stderr


def test_a_malformed_observation_is_an_error_of_that_test_not_a_crash(tmp_path):
    """Event lines of the right pid with fields of the wrong types, and a forged result shape."""
    tests, _ = grade(tmp_path, """
    folder = os.environ.get("MPKIT_EVENTS_DIR", ".")
    with open(os.path.join(folder, "%d.jsonl" % os.getpid()), "a") as f:
        f.write(json.dumps({"pid": os.getpid(), "kind": "write", "t": "soon", "text": 5}) + "\\n")
        f.write(json.dumps({"pid": os.getpid(), "kind": "ran", "t": 1e300, "function": ["greet"]}) + "\\n")
        f.write(json.dumps({"pid": os.getpid(), "kind": "write", "t": 0.5, "stream": "stdout",
                            "text": {"not": "text"}, "held": 3}) + "\\n")
        f.write("[" * 100000 + "\\n")
""")
    assert tests["greet_prints"]["status"] in ("failed", "error"), tests["greet_prints"]


def test_many_small_event_files_cannot_flood_the_trusted_side(tmp_path):
    tests, _ = grade(tmp_path, """
    folder = os.environ.get("MPKIT_EVENTS_DIR", ".")
    line = json.dumps({"pid": 1, "kind": "write", "t": 1.0, "stream": "stdout", "text": "x" * 300})
    for n in range(20000):
        with open(os.path.join(folder, "%d.jsonl" % (4000000 + n)), "w") as f:
            f.write((line + "\\n") * 20)
""")
    assert tests["greet_prints"]["status"] == "failed"


needs_users = pytest.mark.skipif(not isolation.available(),
                                 reason="needs root and a Python other users can run (MPKIT_SEPARATE_USERS)")


def _grader_digest():
    folder = os.path.dirname(os.path.abspath(grader.__file__))
    digest = hashlib.sha256()
    for root, dirs, files in sorted(os.walk(folder)):
        dirs.sort()
        for name in sorted(f for f in files if f.endswith(".py")):
            with open(os.path.join(root, name), "rb") as f:
                digest.update(f.read())
    return digest.hexdigest()


@needs_users
def test_student_code_runs_as_a_user_of_its_own_and_cannot_change_the_grader(tmp_path):
    before = _grader_digest()
    tests, stderr = grade(tmp_path, """
    import grader
    print("uid", os.getuid(), "gid", os.getgid(), "groups", os.getgroups())
    for root, dirs, files in os.walk(os.path.dirname(grader.__file__)):
        for name in files:
            try:
                with open(os.path.join(root, name), "a") as f:
                    f.write("\\nPASSED = True\\n")
                print("wrote", name)
            except OSError:
                pass
""", separate=True)
    assert _grader_digest() == before
    output = tests["greet_prints"]["output"]
    assert "uid 0 " not in output and "wrote" not in output, output
    uid = int(output.split("uid ")[1].split()[0])
    base, count = isolation.uid_range()
    assert base <= uid < base + count
    assert "groups []" in output
    assert "runs as the grader's own user" not in stderr


@needs_users
def test_student_code_cannot_freeze_or_kill_the_grader(tmp_path):
    tests, _ = grade(tmp_path, """
    pid, hit = os.getpid(), []
    while pid > 1:
        pid = int(open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()[1])
        for sig in (signal.SIGSTOP, signal.SIGKILL):
            try:
                os.kill(pid, sig)
                hit.append(pid)
            except OSError:
                pass
    print("signalled", hit)
""", separate=True)
    assert tests["greet_prints"]["status"] in ("failed", "crashed"), tests["greet_prints"]


@needs_users
def test_student_code_cannot_reach_other_scenarios_folders(tmp_path):
    tests, _ = grade(tmp_path, """
    reached = []
    for folder in glob.glob("/tmp/mpkit-scenarios/*/*") + glob.glob("/tmp/mpkit-*/*"):
        if os.path.basename(folder) in ("events", "work", "submission", "dumps"):
            try:
                for name in os.listdir(folder):
                    path = os.path.join(folder, name)
                    if os.path.isfile(path):
                        open(path, "a").write("spoiled\\n")
                        reached.append(path)
            except OSError:
                pass
    print("reached", len([p for p in reached if str(os.getpid()) not in p]))
""", separate=True)
    assert "reached 0" in tests["greet_prints"]["output"], tests["greet_prints"]


@needs_users
def test_nothing_of_the_scenarios_user_is_left_behind(tmp_path):
    base, count = isolation.uid_range()
    tests, _ = grade(tmp_path, """
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            open("/dev/shm/mpkit-test-left-%d" % os.getuid(), "w").write("x")
            open("/tmp/mpkit-test-left-%d" % os.getuid(), "w").write("x")
            signal.pause()
        os._exit(0)
    os.wait()
""", separate=True)
    left = [p.pid for p in psutil.process_iter(["uids"])
            if p.info["uids"] and base <= p.info["uids"].real < base + count]
    assert not left, left
    files = [f for folder in ("/tmp", "/dev/shm") for f in os.listdir(folder) if f.startswith("mpkit-test-left-")]
    assert not files, files
