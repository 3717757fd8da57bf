"""Privilege separation, tried as an attacker would, through the real CLI: each attack module
below does none of the exercise's work and tries to get points, or to spoil the grade of a
correct submission graded in the same run, by reaching what grades it.

The first tests need nothing special: the judge is total and the trusted side reads a bounded
amount. The others run as root with MPKIT_SEPARATE_USERS=1, where every scenario runs as a
user of its own; they are skipped where that layer cannot be set up (not root, or no Python
other users can run), which `mpkit grade` names in a note.
"""
import fcntl
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

import psutil
import pytest

import grader
from conftest import ROOT, OwnCgroups
from grader.engine import isolation, mounts, namespaces, pidns, system

NEIGHBOUR = ("02_queue", "queue_messages.py")
# uids of this run's own, so scenarios graded by others on the machine at the same time (as
# root, by default in a range of their own) are never taken for what this run left behind
UIDS = {isolation.UID_BASE_VAR: str(200000 + os.getpid() % 4096 * 64), isolation.UID_COUNT_VAR: "64"}


def uid_range():
    base, count = (int(UIDS[k]) for k in (isolation.UID_BASE_VAR, isolation.UID_COUNT_VAR))
    return range(base, base + count)
REST = """
def run_greeting(name):
    raise NotImplementedError

def start_in_background(target, *args):
    raise NotImplementedError
"""


def grade(tmp_path, greet_body, separate=False, module=None, env=None, preexec_fn=None):
    """Grade an attack (as 01_process's greet, or a whole `module`) beside a correct 02_queue:
    (results, stderr), having checked that the attack earned nothing, the neighbour kept full
    marks and, separated, nothing of the scenarios' users was left behind. `preexec_fn`: how
    the grader's process starts."""
    cgroups = OwnCgroups()
    before = _traces_of_users(cgroups) if separate else None
    sub = tmp_path / "sub"
    (sub / "01_process").mkdir(parents=True)
    (sub / "01_process" / "hello_process.py").write_text(
        module or "import glob, json, os, signal, sys\n\ndef greet(name):\n" + greet_body + REST, encoding="utf-8")
    (sub / NEIGHBOUR[0]).mkdir()
    shutil.copyfile(ROOT / "solutions" / NEIGHBOUR[0] / NEIGHBOUR[1], sub / NEIGHBOUR[0] / NEIGHBOUR[1])
    env = dict(os.environ, MPKIT_SEPARATE_USERS="1" if separate else "0", **UIDS, **(env or {}),
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    if separate == "default":
        del env["MPKIT_SEPARATE_USERS"]  # as root: on unless turned off
    def start():
        cgroups.enter()
        if preexec_fn:
            preexec_fn()
    try:
        done = subprocess.run([sys.executable, "-m", "grader.cli", "grade", str(sub), "--format", "json",
                               "--exercise", "01_process", "--exercise", NEIGHBOUR[0]],
                              cwd=str(tmp_path), env=env, capture_output=True, text=True, timeout=300,
                              preexec_fn=start)
        left = _traces_of_users(cgroups) if separate else None
    finally:
        cgroups.remove()
    assert done.returncode in (0, 1), done.stderr
    results = json.loads(done.stdout)
    tests = {t["name"]: t for t in results["tests"]}
    neighbour = [t for t in results["tests"] if t["exercise"] == NEIGHBOUR[0]]
    assert all(t["status"] == "passed" for t in neighbour), neighbour  # never spoiled
    assert tests["greet_prints"]["score"] == 0, tests["greet_prints"]  # the attack earns nothing
    assert left == before
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
    """As root, by default: no option, no MPKIT_SEPARATE_USERS."""
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
""", separate="default")
    assert _grader_digest() == before
    output = tests["greet_prints"]["output"]
    assert "uid 0 " not in output and "wrote" not in output, output
    uid = int(output.split("uid ")[1].split()[0])
    assert uid in uid_range()
    assert "groups []" in output
    assert "runs as the grader's own user" not in stderr


@needs_users
@pytest.mark.parametrize("warm", ["1", "0"])
def test_as_root_runners_start_as_the_scenarios_user_with_nothing_of_the_trusted_side(tmp_path, warm):
    """Where the grader's Python sits under a 0700 home folder (pyenv under /root), the private
    view opens the way to it alone, so runners are forked warm (or, with MPKIT_WARM=0, exec'd)
    from the grader's own interpreter; either way the runner is the scenario's user and holds
    nothing of the trusted side (the checks of tests/hostile/warm_leaks.py, printed by greet),
    also when the grader was started under nohup (SIGHUP ignored, which an exec keeps)."""
    source = (ROOT / "tests" / "hostile" / "warm_leaks.py").read_text(encoding="utf-8")
    source = source.replace('"@HOSTILE_PID_DIR@"', '"."').replace(
        'def greet(name):\n    print("hello", name)', 'def greet(name):\n    print(json.dumps(note))')
    assert 'print(json.dumps(note))' in source
    tests, stderr = grade(tmp_path, None, separate="1", module=source, env={"MPKIT_WARM": warm},
                          preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))
    note = json.loads(tests["greet_prints"]["output"])
    assert note["leaks"] == [], note
    expected = ("warm" if warm == "1" else "exec") if namespaces.supported()["view"] else note["started"]
    assert note["started"] == expected, (note, stderr)
    assert "runs as the grader's own user" not in stderr


@needs_users
@pytest.mark.skipif(not namespaces.supported()["pid"], reason="the kernel refuses a pid namespace here (named as missing)")
@pytest.mark.parametrize("warm", ["1", "0"])
def test_student_code_sees_and_numbers_only_its_own_processes(tmp_path, warm):
    """In a pid namespace of its own, with its /proc, whether the runner was forked warm or
    exec'd (MPKIT_WARM=0): the runner is pid 2 (an init of the scenario's is 1), its child 3,
    and no grading process is in sight. The verdicts, whose evidence names processes by pid,
    are those of correct code."""
    tests, stderr = grade(tmp_path, """
    from multiprocessing import Process
    child = Process(target=print, args=("child",))
    child.start()
    child.join()
    seen = [int(n) for n in os.listdir("/proc") if n.isdigit()]
    graders = [p for p in seen if b"grader.cli" in open("/proc/%d/cmdline" % p, "rb").read()]
    print(json.dumps({"pid": os.getpid(), "child": child.pid, "seen": sorted(seen), "graders": graders,
                      "uid": os.getuid()}))
""", separate="1", env={"MPKIT_WARM": warm})
    seen = json.loads(tests["greet_prints"]["output"].splitlines()[-1])
    assert (seen["pid"], seen["child"], seen["graders"]) == (2, 3, []), seen
    assert set(seen["seen"]) <= {1, 2, 3} and {1, 2} <= set(seen["seen"]), seen
    assert seen["uid"] in uid_range(), seen
    assert system._NOTES["pid_namespace"] not in stderr


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
    # in a pid namespace of its own the chain ends at 0 (its parent is outside), and kill(0)
    # signals its own process group: it stops itself, and is stopped at the timeout
    assert tests["greet_prints"]["status"] in ("failed", "crashed", "timeout"), tests["greet_prints"]


@needs_users
def test_student_code_cannot_reach_other_scenarios_folders(tmp_path):
    """Scenario folders found by listing, and by reading other processes' command lines in
    /proc; the attack proves it ran by reaching its own folder."""
    tests, _ = grade(tmp_path, """
    import re
    here = os.path.dirname(os.getcwd())
    folders = set(glob.glob("/run/mpkit-scenarios/*") + glob.glob("/tmp/mpkit-*") + [here])
    for cmdline in glob.glob("/proc/[0-9]*/cmdline"):
        try:
            text = open(cmdline, "rb").read().decode("utf-8", "replace")
        except OSError:
            continue
        folders.update(m.rstrip("/") for m in re.findall(r"/[\\w./-]*mpkit-[\\w-]+", text))
    own, reached = 0, 0
    for top in folders:
        for name in ("events", "work", "submission", "dumps", ""):
            try:
                for entry in os.listdir(os.path.join(top, name)):
                    path = os.path.join(top, name, entry)
                    if os.path.isfile(path) and not path.endswith(".jsonl"):
                        open(path, "a").write("spoiled\\n")
                        own, reached = (own + 1, reached) if top == here else (own, reached + 1)
            except OSError:
                pass
    print("own", own, "reached", reached, "of", len(folders))
""", separate=True)
    output = tests["greet_prints"]["output"]
    assert "reached 0 " in output and "own 0 " not in output, tests["greet_prints"]


@needs_users
def test_nothing_of_the_scenarios_user_is_left_behind(tmp_path):
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
            if p.info["uids"] and p.info["uids"].real in uid_range()]
    assert not left, left
    files = [f for folder in ("/tmp", "/dev/shm") for f in os.listdir(folder) if f.startswith("mpkit-test-left-")]
    assert not files, files


needs_mounts = pytest.mark.skipif(not (isolation.available() and namespaces.supported()["view"]),
                                  reason="needs root, a Python other users can run and a mount namespace")


@needs_users
@needs_mounts
def test_student_code_cannot_read_the_solutions_or_the_submissions(tmp_path):
    """The reference solutions beside a checkout of the kit, its tests, and the submission
    folder being graded are readable by any user on this machine, but not from a scenario."""
    tests, stderr = grade(tmp_path, """
    import grader
    kit = os.path.dirname(os.path.dirname(grader.__file__))
    seen = [p for p in glob.glob(os.path.join(kit, "solutions", "*", "*.py"))
            + glob.glob(os.path.join(kit, "tests", "*.py")) + glob.glob(os.path.join(os.getcwd(), "*"))
            + glob.glob(os.path.join(os.environ.get("MPKIT_SUBMISSION_ROOT", "%s"), "*", "*.py"))
            if os.access(p, os.R_OK)]
    print("solutions" if any("solutions" in p for p in seen) else "no solutions", len(seen))
""" % (tmp_path / "sub"), separate=True)
    assert (ROOT / "solutions" / "02_queue" / "queue_messages.py").exists()  # there, and readable by all
    assert "no mount namespace" not in stderr
    output = tests["greet_prints"]["output"]
    assert "no solutions 0" in output, output


@needs_users
@needs_mounts
def test_each_scenario_has_its_own_tmp_and_shm_and_leaves_nothing_there(tmp_path):
    """Files and named semaphores of other scenarios and of the grader are out of sight, and
    what the scenario leaves in /tmp, /var/tmp and /dev/shm disappears with it."""
    marker = "mpkit-grader-owned-%d" % os.getpid()
    left_by_student = "mpkit-left-by-student-%d" % os.getpid()  # this test's, not another run's
    for folder in ("/tmp", "/dev/shm"):
        with open(os.path.join(folder, marker), "w") as f:
            f.write("the grader's\n")
        os.chmod(os.path.join(folder, marker), 0o666)
    try:
        tests, _ = grade(tmp_path, """
    found = [os.path.join(folder, n) for folder in ("/tmp", "/var/tmp", "/dev/shm") for n in os.listdir(folder)]
    for folder in ("/tmp", "/var/tmp", "/dev/shm"):
        open(os.path.join(folder, %r), "w").write("x")
    print("found", json.dumps(sorted(found)))
""" % left_by_student, separate=True)
        output = tests["greet_prints"]["output"]
        found = json.loads(output.split("found ", 1)[1].splitlines()[0])
        # all a scenario may see there: the way to the kit and the interpreter, when they live
        # there (a clone under /tmp), which its view binds back
        assert set(found) <= _ways_to_the_kit(), output
        left = [n for folder in ("/tmp", "/var/tmp", "/dev/shm") for n in os.listdir(folder)
                if n == left_by_student]
        assert not left, left
        for folder in ("/tmp", "/dev/shm"):
            assert open(os.path.join(folder, marker)).read() == "the grader's\n"
    finally:
        for folder in ("/tmp", "/dev/shm"):
            os.unlink(os.path.join(folder, marker))


def _ways_to_the_kit():
    """The entries of /tmp and /var/tmp that lead to the kit or to the Python running it."""
    ways = set()
    for path in (str(ROOT), sys.prefix, sys.base_prefix, os.path.realpath(sys.executable)):
        for folder in ("/tmp", "/var/tmp"):
            if path.startswith(folder + "/"):
                ways.add(os.path.join(folder, path[len(folder) + 1:].split("/")[0]))
    return ways


HOSTILE = ROOT / "tests" / "hostile"


def _hostile(name, **placeholders):
    """The source of tests/hostile/<name>.py with its "@HOSTILE_<KEY>@" placeholders filled in."""
    source = (HOSTILE / (name + ".py")).read_text(encoding="utf-8")
    for key, value in placeholders.items():
        marker = "@HOSTILE_%s@" % key
        assert marker in source, marker
        source = source.replace(marker, str(value))
    return source


class _Answering:
    """Listening sockets of the test's own, each answering every connection with `secret`."""

    def __init__(self, secret, *listeners):
        import threading

        self.secret, self.listeners = secret, listeners
        self.threads = [threading.Thread(target=self._serve, args=(s,), daemon=True) for s in listeners]
        for thread in self.threads:
            thread.start()

    def _serve(self, listener):
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:  # shut down by close()
                return
            with conn:
                conn.sendall(self.secret)

    def close(self):
        for listener in self.listeners:
            listener.shutdown(socket.SHUT_RDWR)  # wakes the accept()
            listener.close()
        for thread in self.threads:
            thread.join()


@needs_users
@needs_mounts
def test_student_code_cannot_reach_the_machines_loopback_or_abstract_sockets(tmp_path):
    """A service of the machine on 127.0.0.1 (an instructor's notebook server, a database) and
    an abstract unix socket are out of reach: the scenario has a network namespace of its own,
    whose loopback is up and its own (a listener of the scenario's own on 127.0.0.1 works)."""
    secret = b"secret-%d" % os.getpid()
    tcp = socket.socket()
    tcp.bind(("127.0.0.1", 0))
    tcp.listen(8)
    abstract = socket.socket(socket.AF_UNIX)
    name = "mpkit-test-%d" % os.getpid()
    abstract.bind("\0" + name)
    abstract.listen(8)
    answering = _Answering(secret, tcp, abstract)
    try:
        tests, stderr = grade(tmp_path, None, separate=True, module=_hostile(
            "reach_network", TCP_PORT=tcp.getsockname()[1], ABSTRACT=name))
    finally:
        answering.close()
    got = json.loads(tests["greet_prints"]["output"].splitlines()[-1])
    assert secret.decode() not in json.dumps(got), got
    assert got["tcp"] in ("ConnectionRefusedError", "OSError") and got["abstract"] == "ConnectionRefusedError", got
    assert got["own_loopback"] is True, got
    assert system._NOTES["network_namespace"] not in stderr


def _sysv_keys(kind):
    """The keys of the System V IPC objects of `kind` (shm, msg, sem) in this IPC namespace."""
    with open("/proc/sysvipc/" + kind) as f:
        lines = f.read().splitlines()[1:]
    return {int(line.split()[0]): int(line.split()[1]) for line in lines if line.strip()}


def _libc():
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if not hasattr(libc, "mq_open"):  # glibc before 2.34 keeps it in librt
        libc = ctypes.CDLL("librt.so.1", use_errno=True)
    return libc


@needs_users
@needs_mounts
def test_ipc_objects_a_scenario_makes_die_with_it(tmp_path):
    """A System V shared memory segment and message queue, and a POSIX message queue, that the
    scenario never removes are gone from the machine's own IPC namespace once it is graded."""
    key, queue = 0x6D700000 + os.getpid() % 0x10000, "mpkit-test-%d" % os.getpid()
    libc = _libc()
    try:
        tests, stderr = grade(tmp_path, None, separate=True, module=_hostile(
            "sysv_ipc_leak", IPC_KEY=key, MQUEUE=queue))
        made = json.loads(tests["greet_prints"]["output"].splitlines()[-1])
        assert min(made.values()) >= 0, made  # it did make them
        left = {kind: key in _sysv_keys(kind) for kind in ("shm", "msg")}
        descriptor = libc.mq_open(("/" + queue).encode(), os.O_RDONLY)
        left["mqueue"] = descriptor >= 0
        assert not any(left.values()), left
        assert system._NOTES["ipc_namespace"] not in stderr
    finally:  # whatever the scenario left, not left by the test
        for kind, remove in (("shm", libc.shmctl), ("msg", libc.msgctl)):
            if key in _sysv_keys(kind):
                remove(_sysv_keys(kind)[key], 0, None)  # IPC_RMID
        libc.mq_unlink(("/" + queue).encode())


SECRET_PARTS = ("judging/checks", "judging/pytest_checks.py", "judging/judge.py", "judging/observations.py",
                "course", "messages.py", "grading.py", "cli.py")


@needs_users
@needs_mounts
def test_student_code_cannot_read_the_hidden_tests_or_the_judges(tmp_path):
    """The grader's check modules (hidden tests' inputs and judges), its pytest checks, its
    judge and its course (the manifest, the code that hides the hidden tests) are neither
    readable nor listed from a scenario, and its runner was handed its own scenario's driver
    alone: no other scenario, no judge in memory."""
    tests, _ = grade(tmp_path, None, separate=True, module=_hostile("read_hidden_checks"))
    output = tests["greet_prints"]["output"]
    found = json.loads(output.splitlines()[-1])
    seen = [p for p in found["listed"] + found["read"] if p.replace(os.sep, "/").startswith(SECRET_PARTS)]
    assert seen == [], seen
    assert found["scenarios"] == ["greet_prints"] and found["judges"] == 0, found
    assert "run_greeting_exit_code" not in output  # a hidden test of 01_process


# attacks on what grades the code (tests/hostile/, each described in its docstring): forged
# reports and events (a child's output that never reached stdout, a child that never existed,
# events nested too deep to read back, a line in the grader's pipe), a patched grader, signals up
# the parent chain, a deleted event log or scenario folder, semaphores and processes left behind,
# the machine's loopback, System V IPC objects left behind, the grader's checks read
ATTACKS = ["fake_results", "forged_events", "deep_events", "forged_answer", "forged_child_output",
           "forged_child_pid",
           "monkeypatch_grader", "kill_parent", "kill_grandparent",
           "stop_parent", "clear_event_log", "delete_scenario_folder", "semaphore_leak",
           "disguised_escapee", "env_tampering", "reach_network", "sysv_ipc_leak",
           "read_hidden_checks"]


def _held_users(users):
    """The scenarios' uids still held by a supervisor (its flock in the uid lock folder)."""
    folder = os.path.join("/run" if os.path.isdir("/run") else "/tmp", "mpkit-uids")
    held = []
    for uid in users:
        try:
            fd = os.open(os.path.join(folder, "%d.lock" % uid), os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            held.append(uid)
        finally:
            os.close(fd)
    return held


def _traces_of_users(cgroups):
    """Processes, held uids, /dev/shm files, mounts of the scenarios' users (this test's uid
    range), cgroups below the test's own (`cgroups`, OwnCgroups), and scenario folders."""
    users = uid_range()
    procs = [p.pid for p in psutil.process_iter(["uids"]) if p.info["uids"] and p.info["uids"].real in users]
    files = [n for n in os.listdir("/dev/shm") if os.lstat(os.path.join("/dev/shm", n)).st_uid in users]
    with open("/proc/self/mounts") as f:
        mounted = [line for line in f if "mpkit-" in line]
    folder = isolation.scenarios_path()
    folders = os.listdir(folder) if os.path.isdir(folder) else []
    return {"processes": procs, "users": _held_users(users), "shm": files, "mounts": mounted, "ipc": _ipc_of(users),
            "cgroups": cgroups.below(),
            "scenario folders": sorted(n for n in folders if _owner(folder, n) in users)}


def _ipc_of(users):
    """System V IPC objects (shared memory, message queues, semaphores) of the scenarios' users
    in the machine's own IPC namespace."""
    found = []
    for kind in ("shm", "msg", "sem"):
        with open("/proc/sysvipc/" + kind) as f:
            header, *lines = f.read().splitlines()
        column = header.split().index("uid")
        found += ["%s %s" % (kind, line.split()[1]) for line in lines if int(line.split()[column]) in users]
    return found


def _owner(folder, name):
    """The user of a scenario folder: the owner of its work folder (the folder is root's)."""
    try:
        return os.lstat(os.path.join(folder, name, "work")).st_uid
    except OSError:
        return None


@needs_users
@pytest.mark.parametrize("attack", ATTACKS)
def test_hostile_code_earns_nothing_and_leaves_nothing_as_a_user_of_its_own(tmp_path, attack):
    cgroups = OwnCgroups()
    before = _traces_of_users(cgroups)
    sub = tmp_path / "sub"
    (sub / "01_process").mkdir(parents=True)
    shutil.copyfile(HOSTILE / (attack + ".py"), sub / "01_process" / "hello_process.py")
    (sub / NEIGHBOUR[0]).mkdir()
    shutil.copyfile(ROOT / "solutions" / NEIGHBOUR[0] / NEIGHBOUR[1], sub / NEIGHBOUR[0] / NEIGHBOUR[1])
    cli_cwd = tmp_path / "cli-cwd"  # fake_results writes here when it can
    cli_cwd.mkdir()
    env = dict(os.environ, MPKIT_SEPARATE_USERS="1", **UIDS,
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    try:
        done = subprocess.run([sys.executable, "-m", "grader.cli", "grade", str(sub), "--format", "json",
                               "--exercise", "01_process", "--exercise", NEIGHBOUR[0]],
                              cwd=str(cli_cwd), env=env, capture_output=True, text=True, timeout=300,
                              preexec_fn=cgroups.enter)
        left = _traces_of_users(cgroups)
    finally:
        cgroups.remove()
    assert "Traceback" not in done.stderr, done.stderr
    results = json.loads(done.stdout)
    attacked = [t for t in results["tests"] if t["exercise"] == "01_process"]
    neighbour = [t for t in results["tests"] if t["exercise"] == NEIGHBOUR[0]]
    assert neighbour and all(t["status"] == "passed" for t in neighbour), neighbour
    earned = {t["name"]: t["status"] for t in attacked if t["score"]}
    # env_tampering's greet is correct: it may earn that test's point and nothing else
    assert earned in ({}, {"greet_prints": "passed"} if attack == "env_tampering" else {}), earned
    assert not (cli_cwd / "results.json").exists(), "the attack wrote into the grader's folder"
    assert left == before


def test_priming_a_scenarios_cgroups_moves_nothing_and_ends():
    """The supervisor pays the kernel's wait for the runner's move into its cgroups early, in
    a child process (Cgroups.prime): this process stays in the cgroups it was in, with no
    thread more (a thread's malloc arena would cost the runner 64 MB of address space), nothing
    is moved into the scenario's, and the child ends; with no cgroups there is no child."""
    if os.geteuid() != 0:
        pytest.skip("moving a process between cgroups takes root here")
    before = open("/proc/self/cgroup").read()
    threads = set(threading.enumerate())
    cgroups = system.Cgroups("mpkit-test-prime-%d" % os.getpid(), 8, 64 * 1024 * 1024)
    try:
        if not cgroups.folders:
            pytest.skip("no v1 cgroups to make here")
        child = cgroups.prime()
        assert os.waitpid(child, 0)[1] == 0
        assert set(threading.enumerate()) == threads
        assert open("/proc/self/cgroup").read() == before
        assert {c: open(os.path.join(f, "cgroup.procs")).read() for c, f in cgroups.folders.items()} == \
            {c: "" for c in cgroups.folders}
    finally:
        cgroups.remove()
    assert system.Cgroups("mpkit-test-none", 0, 0).prime() is None
