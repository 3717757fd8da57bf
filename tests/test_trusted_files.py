"""The trusted side never follows a link or opens a FIFO that a submission or a scenario left.

Tried as an attacker would, through the real CLI: a submission whose module is a symbolic link
(to the reference solution, to a file only the grader can read), whose folder is one, whose
`.mpkit` is one; a scenario that replaces its own module file, once it runs, with a link to a
secret or with a FIFO, then hangs so that the grader shows where each process was. Each of
these earned points, showed a file's text, wrote elsewhere or blocked the grader before
`grader.engine.safe_files`; now each is refused by name, and nothing is read through it.
"""
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from grader.engine import isolation, safe_files

EXERCISE, MODULE = "01_process", "hello_process.py"
SOLUTION = ROOT / "solutions" / EXERCISE / MODULE
NEIGHBOUR = ("02_queue", "queue_messages.py")
SECRET = "SECRET-7f3a9c"
UIDS = {isolation.UID_BASE_VAR: str(204800 + os.getpid() % 4096 * 64), isolation.UID_COUNT_VAR: "64"}

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and links as on POSIX")


def grade(sub, cwd, *args, separate=False, timeout=120):
    """`mpkit grade sub` of 01_process beside a correct 02_queue: (tests by name, the run)."""
    (sub / NEIGHBOUR[0]).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "solutions" / NEIGHBOUR[0] / NEIGHBOUR[1], sub / NEIGHBOUR[0] / NEIGHBOUR[1])
    env = dict(os.environ, MPKIT_SEPARATE_USERS="1" if separate else "0", **UIDS,
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    done = subprocess.run([sys.executable, "-m", "grader.cli", "grade", str(sub), "--exercise", EXERCISE,
                           "--exercise", NEIGHBOUR[0], *args], cwd=str(cwd), env=env,
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode in (0, 1), done.stderr
    if "--format" not in args:
        return {}, done
    results = json.loads(done.stdout)
    assert all(t["status"] == "passed" for t in results["tests"] if t["exercise"] == NEIGHBOUR[0])
    return {t["name"]: t for t in results["tests"] if t["exercise"] == EXERCISE}, done


def secret_file(tmp_path):
    """A file only its owner (the grader's user) can read, every line of it secret."""
    path = tmp_path / "secret.txt"
    path.write_text("".join("%s line %d\n" % (SECRET, n) for n in range(1, 200)), encoding="utf-8")
    path.chmod(0o600)
    return path


@posix_only
@pytest.mark.parametrize("what", ["module", "folder"])
def test_a_link_to_the_reference_solution_earns_nothing(tmp_path, what):
    sub = tmp_path / "sub"
    if what == "module":
        (sub / EXERCISE).mkdir(parents=True)
        (sub / EXERCISE / MODULE).symlink_to(SOLUTION)
    else:
        sub.mkdir()
        (sub / EXERCISE).symlink_to(SOLUTION.parent, target_is_directory=True)
    tests, _ = grade(sub, tmp_path, "--format", "json")
    for test in tests.values():
        assert test["status"] == "error" and test["score"] == 0, test
        assert "symbolic link" in test["message"] and "01_process/hello_process.py" in test["message"]


@posix_only
def test_a_link_to_a_file_only_the_grader_can_read_shows_none_of_it(tmp_path):
    sub = tmp_path / "sub"
    (sub / EXERCISE).mkdir(parents=True)
    (sub / EXERCISE / MODULE).symlink_to(secret_file(tmp_path))
    tests, done = grade(sub, tmp_path, "--format", "json")
    assert SECRET not in done.stdout and SECRET not in done.stderr
    assert all(t["status"] == "error" and "symbolic link" in t["message"] for t in tests.values())


@posix_only
def test_a_fifo_for_a_module_is_refused_by_name(tmp_path):
    sub = tmp_path / "sub"
    (sub / EXERCISE).mkdir(parents=True)
    os.mkfifo(sub / EXERCISE / MODULE)
    tests, _ = grade(sub, tmp_path, "--format", "json")
    for test in tests.values():
        assert test["status"] == "error" and "not a regular file" in test["message"], test


@posix_only
def test_a_progress_folder_that_is_a_link_is_never_written_through(tmp_path):
    """The text report notes progress in <folder>/.mpkit/progress.json: never where a link points."""
    sub, elsewhere = tmp_path / "sub", tmp_path / "elsewhere"
    (sub / EXERCISE).mkdir(parents=True)
    shutil.copyfile(SOLUTION, sub / EXERCISE / MODULE)
    elsewhere.mkdir()
    (sub / ".mpkit").symlink_to(elsewhere, target_is_directory=True)
    _, done = grade(sub, tmp_path)
    assert list(elsewhere.iterdir()) == []
    assert ".mpkit" in done.stderr and "symbolic link" in done.stderr
    assert "passed" in done.stdout  # the grading itself went on


# A scenario that, once it runs as the student's code, swaps its own module file for something
# else, then hangs: the grader dumps every process's stack and shows the student's line there.
SWAP = '''
import os
from multiprocessing import Process, Queue

def greet(name):
    print("hello", name)

def run_greeting(name):
    here = os.path.abspath(__file__)
    os.unlink(here)
    SWAP_IT(here)
    Queue().get()  # this line, not the secret's, is where the caller is shown waiting
    return 0

def start_in_background(target, *args):
    raise NotImplementedError
'''


@posix_only
@pytest.mark.parametrize("swap", ["link", "fifo"])
@pytest.mark.parametrize("separate", [False, pytest.param(True, marks=pytest.mark.skipif(
    not isolation.available(), reason="needs root and a Python other users can run"))])
def test_source_lines_come_from_the_graders_own_copy(tmp_path, swap, separate):
    secret = secret_file(tmp_path)
    swap_it = "lambda path: os.symlink(%r, path)" % str(secret) if swap == "link" else "os.mkfifo"
    sub = tmp_path / "sub"
    (sub / EXERCISE).mkdir(parents=True)
    (sub / EXERCISE / MODULE).write_text(SWAP.replace("SWAP_IT", "(%s)" % swap_it), encoding="utf-8")
    tests, done = grade(sub, tmp_path, "--format", "json", separate=separate,
                        timeout=90)  # a FIFO opened by the judge blocked the run for ever
    verdict = tests["run_greeting_in_child"]
    assert verdict["status"] in ("deadlock", "timeout"), verdict
    assert SECRET not in done.stdout
    assert "Queue().get()" in verdict["message"], verdict["message"]


@posix_only
def test_the_notebook_check_refuses_a_module_that_is_a_link(tmp_path):
    from grader import notebook
    (tmp_path / MODULE).symlink_to(SOLUTION)
    with pytest.raises(notebook.TestFailed, match="symbolic link"):
        notebook.run(EXERCISE, ["greet_prints"], folder=str(tmp_path))


@posix_only
def test_safe_reads_refuse_a_link_anywhere_below_the_trusted_folder(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "f.py").write_text("x = 1\n")
    (tmp_path / "via").symlink_to(tmp_path / "real", target_is_directory=True)
    assert safe_files.read(str(tmp_path / "real" / "f.py"), 100, beneath=str(tmp_path)) == (b"x = 1\n", 6)
    assert safe_files.read(str(tmp_path / "real" / "f.py"), 3, beneath=str(tmp_path)) == (b"x =", 6)
    with pytest.raises(safe_files.Refused) as refused:
        safe_files.read(str(tmp_path / "via" / "f.py"), 100, beneath=str(tmp_path))
    assert refused.value.reason == safe_files.LINK
    with pytest.raises(safe_files.Refused):
        safe_files.write(str(tmp_path), "via/new.json", b"{}")
    assert not (tmp_path / "real" / "new.json").exists()
    safe_files.write(str(tmp_path), "made/new.json", b"{}")
    assert (tmp_path / "made" / "new.json").read_bytes() == b"{}"


FORGED_DUMP = '''
import os
from multiprocessing import Queue

def greet(name):
    print("hello", name)

def run_greeting(name):
    with open(os.path.join(os.environ["MPKIT_DUMPS_DIR"], "4000000.txt"), "w") as f:
        f.write('Thread 0x1 (most recent call first):\\n  File "%s", line 1 in FORGED_FRAME\\n' % __file__)
    Queue().get()
    return 0

def start_in_background(target, *args):
    raise NotImplementedError
'''


def test_a_dump_the_supervisor_did_not_ask_for_is_never_read(tmp_path):
    """Only the dump files of the processes the supervisor signalled are read: one written under
    a made-up number used to add its made-up frames to 'where each process was'."""
    sub = tmp_path / "sub"
    (sub / EXERCISE).mkdir(parents=True)
    (sub / EXERCISE / MODULE).write_text(FORGED_DUMP, encoding="utf-8")
    tests, _ = grade(sub, tmp_path, "--format", "json")
    verdict = tests["run_greeting_in_child"]
    assert verdict["status"] in ("deadlock", "timeout"), verdict
    assert "Queue().get()" in verdict["message"] and "FORGED_FRAME" not in verdict["message"], verdict["message"]


CGROUP_SPY = '''
import os

def greet(name):
    folder = os.path.basename(os.path.dirname(os.environ["MPKIT_EVENTS_DIR"]))
    with open("/proc/self/cgroup") as f:
        print("hello", name, "LEAKED" if folder in f.read() else "")

def run_greeting(name):
    raise NotImplementedError

def start_in_background(target, *args):
    raise NotImplementedError
'''


@pytest.mark.skipif(not os.path.exists("/proc/self/cgroup"), reason="cgroups are Linux's")
def test_a_scenarios_cgroups_do_not_name_its_folder(tmp_path):
    """Every scenario can list the cgroups of the machine (/sys/fs/cgroup): named after the
    scenarios' folders, they told one student where a classmate's scenario ran."""
    sub = tmp_path / "sub"
    (sub / EXERCISE).mkdir(parents=True)
    (sub / EXERCISE / MODULE).write_text(CGROUP_SPY, encoding="utf-8")
    tests, done = grade(sub, tmp_path, "--format", "json")
    shown = tests["greet_prints"]["output"] + tests["greet_prints"]["message"]
    assert "hello world" in shown and "LEAKED" not in shown, shown


# -- what a red-team run found held off only in part (each checked against the code before) --

def test_a_folder_that_holds_what_a_scenario_needs_is_hidden_all_but_that(tmp_path):
    """A checkout the grader runs from holds the grader (which the view shows) beside build/,
    .git, notebooks/: each of those is covered, down to the grader, not the checkout left whole."""
    from grader.engine import mounts
    kit = tmp_path / "kit"
    for folder in ("grader/engine", "build/lib/grader", ".git/objects", "notebooks", ".venv/lib"):
        (kit / folder).mkdir(parents=True)
    hidden = mounts.hideable([str(kit)], [str(kit / "grader"), str(kit / ".venv")])
    assert sorted(os.path.relpath(h, kit) for h in hidden) == [".git", "build", "notebooks"]


def test_every_other_copy_of_the_grader_is_off_limits():
    """The installed copy (site-packages) of a grader run from a checkout holds the hidden tests."""
    import site
    from grader import grading
    here = os.path.realpath(os.path.dirname(grading.__file__))
    hidden = grading.off_limits(str(ROOT / "exercises"))
    for root in site.getsitepackages():
        copy = os.path.join(root, "grader")
        if os.path.isdir(copy) and os.path.realpath(copy) != here:
            assert copy in hidden


def test_a_student_folder_swapped_for_a_link_after_the_class_was_listed_earns_nothing(tmp_path):
    from grader.course import manifest
    from grader.platforms import batch
    exercises = [manifest.find(manifest.load(), EXERCISE)]
    klass, private = tmp_path / "class", tmp_path / "private"
    (klass / "zed").mkdir(parents=True)
    (private / EXERCISE).mkdir(parents=True)
    shutil.copyfile(SOLUTION, private / EXERCISE / MODULE)
    students = batch.students_in(str(klass), exercises)
    shutil.rmtree(klass / "zed")
    (klass / "zed").symlink_to(private, target_is_directory=True)
    outcome = batch.grade_class(students, exercises, ["fork"], str(tmp_path / "state"), jobs=1)
    record = outcome.records["zed"]
    assert sum(t["score"] for t in record["tests"]) == 0, record
    assert "symbolic link" in " ".join(record["notes"] + [t["message"] for t in record["tests"]]), record


def test_a_progress_file_nested_too_deep_costs_a_warning_not_the_report(tmp_path):
    sub = tmp_path / "sub"
    (sub / EXERCISE).mkdir(parents=True)
    shutil.copyfile(SOLUTION, sub / EXERCISE / MODULE)
    (sub / ".mpkit").mkdir()
    (sub / ".mpkit" / "progress.json").write_text("[" * 200000 + "]" * 200000)
    _, done = grade(sub, tmp_path)
    assert "passed" in done.stdout and "Traceback" not in done.stderr, done.stderr


@posix_only
def test_a_report_written_where_a_link_was_replaces_the_link(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("the grader's own file\n")
    sub = tmp_path / "sub"
    (sub / EXERCISE).mkdir(parents=True)
    shutil.copyfile(SOLUTION, sub / EXERCISE / MODULE)
    (sub / "results.json").symlink_to(victim)
    done = subprocess.run([sys.executable, "-m", "grader.cli", "grade", str(sub), "--exercise", EXERCISE,
                           "--format", "json", "--output", "results.json"], cwd=str(sub), capture_output=True,
                          text=True, timeout=120, env=dict(os.environ, MPKIT_SEPARATE_USERS="0", PYTHONPATH=str(ROOT)))
    assert done.returncode == 0, done.stderr
    assert victim.read_text() == "the grader's own file\n"
    assert not (sub / "results.json").is_symlink() and json.loads((sub / "results.json").read_text())["version"] == 1


PATH_SOCKET = '''
import socket

def greet(name):
    s = socket.socket(socket.AF_UNIX)
    try:
        s.connect(SOCKET_PATH)
        got = s.recv(100).decode()
    except OSError as exc:
        got = type(exc).__name__
    print("hello", name, got)

def run_greeting(name):
    raise NotImplementedError

def start_in_background(target, *args):
    raise NotImplementedError
'''


@pytest.mark.skipif(not isolation.available(), reason="needs root and a Python other users can run")
def test_a_service_socket_of_the_machine_is_out_of_a_scenarios_reach(tmp_path):
    """A database's or Docker's unix socket under /run is reached through the file system, which
    a network namespace does not cover: the view covers /run but the scenarios' own folders."""
    import socket
    import threading
    folder = "/run/mpkit-test-%d" % os.getpid()
    os.mkdir(folder, 0o755)
    server = socket.socket(socket.AF_UNIX)
    server.bind(folder + "/s.sock")
    os.chmod(folder + "/s.sock", 0o777)
    server.listen(4)
    server.settimeout(60)

    def answer():
        try:
            conn, _ = server.accept()
            conn.sendall(b"SERVICE-SECRET")
            conn.close()
        except OSError:
            pass

    threading.Thread(target=answer, daemon=True).start()
    try:
        sub = tmp_path / "sub"
        (sub / EXERCISE).mkdir(parents=True)
        (sub / EXERCISE / MODULE).write_text(PATH_SOCKET.replace("SOCKET_PATH", repr(folder + "/s.sock")))
        tests, done = grade(sub, tmp_path, "--format", "json", separate=True)
    finally:
        server.close()
        shutil.rmtree(folder, ignore_errors=True)
    shown = tests["greet_prints"]["output"] + tests["greet_prints"]["message"]
    assert "SERVICE-SECRET" not in shown and "FileNotFoundError" in shown, shown
