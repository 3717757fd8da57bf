"""The kit graded by a user with no rights of its own (`nobody`), as on a laptop or in a CI job
that is not root: it must grade correctly, name the layers it could not set up, and still give
each scenario the private view a user namespace allows (engine/mounts.py).

The grader runs as `nobody` from a copy of the kit and of the packages it needs in a folder any
user may read (the test's own checkout and environment may sit under a 0700 home folder), with
an interpreter other users can run. Skipped where the test cannot become another user.
"""
import importlib.metadata
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile

import pytest

from conftest import ROOT
from grader.engine import isolation, system

NOBODY = 65534
SETPRIV = shutil.which("setpriv")
PYTHON = isolation.python_for_others()
SEED = ("01_process", "02_queue", "03_pipe", "04_lock")

pytestmark = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and os.geteuid() == 0 and SETPRIV and PYTHON),
    reason="needs Linux, root (to become nobody), setpriv and a Python other users can run")


def _distributions(name, seen):
    """`name` and the distributions it requires (without extras), for this interpreter."""
    from packaging.requirements import Requirement

    key = re.sub(r"[-_.]+", "-", name).lower()
    if key in seen:
        return
    seen.add(key)
    for text in importlib.metadata.requires(name) or []:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            _distributions(requirement.name, seen)


def _copy_runtime(lib):
    """The kit's runtime dependencies, copied file by file from their installed records."""
    seen = set()
    _distributions("mpkit", seen)
    seen.discard("mpkit")
    for name in seen:
        for entry in importlib.metadata.distribution(name).files or []:
            if str(entry).startswith("..") or str(entry).endswith(".pyc"):
                continue
            target = os.path.join(lib, str(entry))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(entry.locate(), target)


@pytest.fixture(scope="module")
def kit_for_others():
    """A folder `nobody` owns with the kit (grader/ and solutions/ side by side, as in a
    checkout) and its dependencies in lib/."""
    folder = tempfile.mkdtemp(prefix="mpkit-nobody-")
    try:
        kit = os.path.join(folder, "kit")
        shutil.copytree(ROOT / "grader", os.path.join(kit, "grader"),
                        ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "solutions", os.path.join(kit, "solutions"))
        _copy_runtime(os.path.join(folder, "lib"))
        os.makedirs(os.path.join(folder, "work"))
        for root, dirs, files in os.walk(folder):
            for path in [root] + [os.path.join(root, f) for f in files]:
                os.lchown(path, NOBODY, NOBODY)
        os.chmod(folder, 0o755)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def as_nobody(folder, *args, env=None):
    """Run `python args...` as nobody, with the copied kit: the finished process."""
    env = dict({"PATH": "/usr/bin:/bin", "HOME": folder, "LANG": "C.UTF-8",
                "PYTHONPATH": os.pathsep.join([os.path.join(folder, "kit"), os.path.join(folder, "lib")])},
               **(env or {}))
    return subprocess.run([SETPRIV, "--reuid=%d" % NOBODY, "--regid=%d" % NOBODY, "--clear-groups",
                           PYTHON] + list(args), cwd=os.path.join(folder, "work"), env=env,
                          capture_output=True, text=True, timeout=300)


def grade_as_nobody(folder, submission, *exercises, env=None):
    selection = [a for name in exercises for a in ("--exercise", name)]
    done = as_nobody(folder, "-m", "grader.cli", "grade", submission, "--format", "json", *selection, env=env)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout), done.stderr


def _mounts_work_for_nobody(folder):
    return as_nobody(folder, os.path.join(folder, "kit", "grader", "engine", "mounts.py")).returncode == 0


def _pid_namespace_works_for_nobody(folder):
    return as_nobody(folder, os.path.join(folder, "kit", "grader", "engine", "pidns.py")).returncode == 0


def _namespaces_for_nobody(folder):
    """Which of a network and an IPC namespace a scenario of nobody's gets (engine/netipc.py)."""
    status = as_nobody(folder, os.path.join(folder, "kit", "grader", "engine", "netipc.py")).returncode
    return {"network": not status & 1, "ipc": not status & 2}


def test_an_unprivileged_grader_grades_correctly_and_names_what_it_could_not_set_up(kit_for_others):
    results, _ = grade_as_nobody(kit_for_others, os.path.join(kit_for_others, "kit", "solutions"), *SEED)
    assert [t for t in results["tests"] if t["status"] != "passed"] == []
    assert results["score"] == results["max_score"] > 0
    assert {t["exercise"] for t in results["tests"]} == set(SEED)
    # a report for a person names, once, on stderr, what could not be set up
    stderr = as_nobody(kit_for_others, "-m", "grader.cli", "grade", os.path.join(kit_for_others, "kit", "solutions"),
                       "--exercise", SEED[0]).stderr
    assert stderr.count(system._NOTES["separate_users"]) == 1, stderr
    if _mounts_work_for_nobody(kit_for_others):
        assert system._NOTES["private_mounts"] not in stderr
    else:
        assert system._NOTES["private_mounts"] in stderr
    assert (system._NOTES["pid_namespace"] in stderr) == (_mounts_work_for_nobody(kit_for_others)
                                                         and not _pid_namespace_works_for_nobody(kit_for_others))
    for kind, works in _namespaces_for_nobody(kit_for_others).items():
        note = system._NOTES[kind + "_namespace"]
        assert (note in stderr) == (_mounts_work_for_nobody(kit_for_others) and not works), (kind, stderr)


ATTACK = '''import glob, os

def greet(name):
    import grader
    grader_dir = os.path.dirname(grader.__file__)
    kit = os.path.dirname(grader_dir)
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)  # the cover, taken off (MNT_DETACH) if it could be
    libc.umount2(os.path.join(kit, "solutions").encode(), 2)
    libc.umount2(b"/tmp", 2)
    solutions = glob.glob(os.path.join(kit, "solutions", "*", "*.py"))
    checks = glob.glob(os.path.join(grader_dir, "judging", "checks", "*.py"))  # hidden tests, judges
    checks += glob.glob(os.path.join(grader_dir, "course", "*"))
    try:
        with open(os.path.join(grader_dir, "judging", "judge.py"), "a") as f:
            f.write("\\n# changed by a student\\n")
        wrote = "wrote the grader"
    except OSError as exc:
        wrote = "could not write the grader: %s" % exc.strerror
    shared = sorted(n for folder in ("/tmp", "/dev/shm") for n in os.listdir(folder))
    graders = 0  # grading processes (this user's) it can see in /proc and signal
    for pid in (n for n in os.listdir("/proc") if n.isdigit()):
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                if b"grader.cli" in f.read():
                    os.kill(int(pid), 0)
                    graders += 1
        except OSError:
            pass
    import socket
    try:  # a service of the machine on its loopback
        socket.create_connection(("127.0.0.1", PORT), timeout=10).close()
        loopback = "reached the loopback"
    except OSError:
        loopback = "loopback out of reach"
    print("solutions", len(solutions), "| checks", len(checks), "|", wrote, "|",
          "marker" if MARKER in shared else "no marker", "| graders to signal", graders, "|", loopback)

def run_greeting(name):
    raise NotImplementedError

def start_in_background(target, *args):
    raise NotImplementedError
'''


@pytest.mark.parametrize("warm", ["1", "0"])
def test_an_unprivileged_graders_scenarios_cannot_read_the_solutions_or_change_the_grader(kit_for_others, warm):
    """Through a user namespace: the solutions beside the kit are covered (and the scenario
    holds no capability to take the cover off), the grader is read-only and shows none of its
    checks (hidden tests and judges) nor its course, /tmp and /dev/shm are the scenario's own,
    in a pid namespace of its own it cannot signal the grader, which runs as the same user,
    and in a network namespace of its own the machine's loopback is out of reach; whether the
    runner was forked warm or exec'd."""
    if not _mounts_work_for_nobody(kit_for_others):
        pytest.skip("the kernel refuses unprivileged user namespaces here: the view is named as missing")
    marker = "mpkit-nobody-marker-%d" % os.getpid()
    service = socket.socket()  # listening: a connection is queued, none needs accepting
    service.bind(("127.0.0.1", 0))
    service.listen(8)
    sub = os.path.join(kit_for_others, "work", "sub" + warm)
    os.makedirs(os.path.join(sub, "01_process"))
    with open(os.path.join(sub, "01_process", "hello_process.py"), "w") as f:
        f.write("MARKER = %r\nPORT = %d\n" % (marker, service.getsockname()[1]) + ATTACK)
    shutil.copytree(os.path.join(kit_for_others, "kit", "solutions", "02_queue"), os.path.join(sub, "02_queue"))
    for root, dirs, files in os.walk(sub):
        for path in [root] + [os.path.join(root, f) for f in files]:
            os.lchown(path, NOBODY, NOBODY)
    judge = os.path.join(kit_for_others, "kit", "grader", "judging", "judge.py")
    before = open(judge).read()
    shared = [os.path.join(folder, marker) for folder in ("/tmp", "/dev/shm")]
    for path in shared:
        open(path, "w").close()
        os.chmod(path, 0o644)
    try:
        results, _ = grade_as_nobody(kit_for_others, sub, "01_process", "02_queue", env={"MPKIT_WARM": warm})
    finally:
        service.close()
        for path in shared:
            os.unlink(path)
    tests = {t["name"]: t for t in results["tests"]}
    assert all(t["status"] == "passed" for t in results["tests"] if t["exercise"] == "02_queue")
    output = tests["greet_prints"]["output"]
    assert "solutions 0 | checks 0 | could not write the grader: Read-only file system | no marker" in output, output
    if _pid_namespace_works_for_nobody(kit_for_others):  # its own processes only: not the grader's
        assert "| graders to signal 0" in output, output
    else:
        assert "| graders to signal 0" not in output, output
    reached = "reached the loopback" in output
    assert reached != _namespaces_for_nobody(kit_for_others)["network"], output
    assert tests["greet_prints"]["score"] == 0
    assert open(judge).read() == before
    # the solutions are there, and readable by nobody outside a scenario
    assert os.listdir(os.path.join(kit_for_others, "kit", "solutions", "01_process"))
