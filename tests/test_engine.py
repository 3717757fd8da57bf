"""The engine on synthetic submissions: each verdict the corpus cannot provoke on its own,
stack dumps trimmed to the student's frames, escapees killed, results that cannot be forged."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import psutil
import pytest

from conftest import METHODS, ROOT
from grader import messages
from grader.engine import system

CORRECT_01 = """
from multiprocessing import Process

def greet(name):
    print("hello", name)

def run_greeting(name):
    p = Process(target=greet, args=(name,))
    p.start()
    p.join()
    return p.exitcode

def start_in_background(target, *args):
    p = Process(target=target, args=args)
    p.start()
    return p
"""


def _without_greet(body):
    return CORRECT_01.replace('def greet(name):\n    print("hello", name)\n', body)


def assert_where(message, location):
    """The message shows where the student's code was: `location` where stack dumps exist, and
    on Windows (no SIGUSR1) a word that there is no dump, not a made-up place."""
    if system.HAS_DUMPS:
        assert location in message, message
    else:
        assert messages.text("where_unknown").strip() in message, message


@pytest.mark.parametrize("method", METHODS)
def test_a_deadlock_shows_the_student_line_each_process_waits_on(submit, method):
    source = (ROOT / "tests" / "corpus" / "wrong" / "03_pipe" / "parent_keeps_sender.py").read_text(
        encoding="utf-8")
    number, line = [(n, text.strip()) for n, text in enumerate(source.splitlines(), 1)
                    if "r.recv()" in text][0]
    verdict = submit("03_pipe", source)(method, ["receive_all_tutorial"])["receive_all_tutorial"]
    assert verdict.status == "deadlock"
    assert_where(verdict.message, "one_way_pipe.py:%d in receive_all: %s" % (number, line))
    assert "/tmp" not in verdict.message and "grader" not in verdict.message.replace("grader's", "")


def test_a_busy_loop_times_out_with_where_it_was(submit, monkeypatch):
    monkeypatch.setenv("MPKIT_TIMEOUT_SCALE", "0.3")
    grade = submit("01_process", _without_greet(
        "def greet(name):\n    n = 0\n    while True:\n        n += 1\n"))
    verdict = grade(None, ["greet_prints"])["greet_prints"]
    assert verdict.status == "timeout"
    assert_where(verdict.message, "in greet")
    assert_where(verdict.message, "hello_process.py:")


def test_without_early_detection_the_timeout_still_tells_stuck_from_busy(submit, monkeypatch):
    """What macOS and Windows get: no /proc wait states, so the timeout decides, and the
    tree's CPU use over a short window tells a deadlock from a busy loop."""
    monkeypatch.setenv("MPKIT_EARLY_DEADLOCK", "0")
    monkeypatch.setenv("MPKIT_TIMEOUT_SCALE", "0.3")
    stuck = submit("01_process", _without_greet(
        "def greet(name):\n    import multiprocessing\n    multiprocessing.Lock().acquire()\n"
        "    multiprocessing.Event().wait()\n"))(None, ["greet_prints"])["greet_prints"]
    assert stuck.status == "deadlock"
    assert_where(stuck.message, "in greet")
    busy = submit("01_process", _without_greet(
        "def greet(name):\n    while True:\n        pass\n"))(None, ["greet_prints"])["greet_prints"]
    assert busy.status == "timeout"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a child subreaper (Linux)")
def test_setsid_double_fork_escapee_is_reported_and_killed(submit, tmp_path):
    pid_file = tmp_path / "escapee.pid"
    grade = submit("01_process", _without_greet('''
def greet(name):
    import os, time
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            with open(%r + ".part", "w") as f:  # its pid and start time: the pid may be reused
                f.write("%%d %%s" %% (os.getpid(), open("/proc/self/stat").read().rsplit(")", 1)[1].split()[19]))
            os.rename(%r + ".part", %r)
            time.sleep(60)
        os._exit(0)
    os.wait()
    while not os.path.exists(%r):
        time.sleep(0.01)
    print("hello", name)
''' % ((str(pid_file),) * 4)))
    verdict = grade(None, ["greet_prints"])["greet_prints"]
    assert verdict.status == "leaked_processes"
    pid, start = pid_file.read_text().split()
    try:  # that process, not another that got its pid since, busy machine or not
        with open("/proc/%s/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return
    assert fields[19] != start or fields[0] == "Z", pid


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and getppid are POSIX")
def test_killing_the_parent_ends_only_that_scenario(submit):
    grade = submit("01_process", _without_greet(
        "def greet(name):\n    import os, signal\n    os.kill(os.getppid(), signal.SIGKILL)\n"))
    verdicts = grade()
    assert verdicts["greet_prints"].status == "crashed"
    assert "parent" in verdicts["greet_prints"].message
    assert verdicts["start_in_background"].status == "passed"


def test_output_is_capped_and_says_how_much_was_cut(submit):
    grade = submit("01_process", _without_greet(
        "def greet(name):\n    print('x' * 200000)\n"))
    verdict = grade(None, ["greet_prints"])["greet_prints"]
    assert verdict.status == "failed"
    cut = messages.text("output_cut", cut=200001 - 64 * 1024)
    assert cut in verdict.output
    assert len(verdict.output) < 70 * 1024


def test_printed_or_written_results_are_not_believed(submit):
    fake = json.dumps({"version": 1, "score": 6, "status": "passed", "calls": []})
    grade = submit("01_process", """
        import json
        print(%r)
        with open("results.json", "w") as f:
            f.write(%r)
        def greet(name):
            print(%r)
        def run_greeting(name):
            return 0
        def start_in_background(target, *args):
            return None
    """ % (fake, fake, fake))
    verdicts = grade()
    assert {v.status for v in verdicts.values()} <= {"failed", "no_process"}
    assert not any(v.passed for v in verdicts.values())


def test_a_child_crash_shows_its_exception_and_line(submit):
    grade = submit("02_queue", """
        from multiprocessing import Process, Queue
        STOP = "STOP"

        def produce(q, items):
            raise ValueError("no items today")

        def collect(items):
            q = Queue()
            p = Process(target=produce, args=(q, items))
            p.start()
            out = []
            for item in iter(q.get, STOP):
                out.append(item)
            p.join()
            return out
    """)
    verdict = grade(None, ["collect_tutorial"])["collect_tutorial"]
    assert verdict.status == "crashed"
    assert "ValueError: no items today" in verdict.message
    assert "queue_messages.py" in verdict.message and "/tmp" not in verdict.message


def test_an_import_error_is_error_with_the_student_traceback(submit):
    grade = submit("04_lock", "import definitely_not_a_module\n")
    verdict = grade(None, ["report_holds_lock"])["report_holds_lock"]
    assert verdict.status == "error"
    assert "locked_output.py" in verdict.message and "ModuleNotFoundError" in verdict.message
    assert "importlib" not in verdict.message


def test_a_students_own_context_still_works(submit):
    source = CORRECT_01.replace("from multiprocessing import Process",
                                "import multiprocessing\nProcess = multiprocessing.get_context('spawn').Process")
    verdicts = submit("01_process", source)("fork")
    assert all(v.passed for v in verdicts.values()), {n: v.message for n, v in verdicts.items()}


@pytest.mark.parametrize("method", [m for m in METHODS if m != "fork"])
def test_a_target_only_main_knows_is_explained_not_a_bare_exit_code(submit, method):
    """As in a notebook: the parent finds the target in __main__, the child cannot."""
    source = _without_greet("""
import sys

def greet(name):
    print("hello", name)

greet.__module__ = "__main__"
sys.modules["__main__"].greet = greet
""")
    verdict = submit("01_process", source)(method, ["run_greeting_in_child"])["run_greeting_in_child"]
    assert verdict.status == "crashed"
    assert "lives in __main__" in verdict.message and "exit code" not in verdict.message


@pytest.mark.parametrize("method", METHODS)
def test_sys_argv_is_the_students_own_script_not_the_graders_job(submit, method):
    """A module that reads its command line at import sees `python hello_process.py` (in the
    runner and in every child that imports it again), never the grader's job description."""
    source = """
import os, sys
if len(sys.argv) != 1 or os.path.basename(sys.argv[0]) != "hello_process.py":
    raise SystemExit("argv: %r" % (sys.argv,))
""" + CORRECT_01
    verdicts = submit("01_process", source)(method, ["greet_prints", "run_greeting_in_child"])
    assert all(v.passed for v in verdicts.values()), {n: v.message for n, v in verdicts.items()}


@pytest.mark.skipif(os.name != "posix", reason="a checkout others may pass through: POSIX modes")
def test_graded_from_a_checkout_with_the_kit_installed_apart_a_wait_is_named():
    """The README's flow: `mpkit grade` in a checkout of the kit whose grader is not the one
    installed. A blocked process reads what it waits for, not the hooks' module: the hooks'
    frames are known by their place in the grader's package, whichever copy ran them."""
    folder = tempfile.mkdtemp(prefix="mpkit-checkout-")
    try:
        os.chmod(folder, 0o755)  # a user's checkout, which others may pass through
        checkout = os.path.join(folder, "checkout")
        shutil.copytree(str(ROOT / "grader"), os.path.join(checkout, "grader"),
                        ignore=shutil.ignore_patterns("__pycache__"))
        sub = os.path.join(folder, "sub", "02_queue")
        os.makedirs(sub)
        shutil.copyfile(str(ROOT / "tests" / "corpus" / "wrong" / "02_queue" / "join_before_get.py"),
                        os.path.join(sub, "queue_messages.py"))
        installed = "import sys; sys.path[0] = %r; from grader.cli import main; sys.exit(main())" % str(ROOT)
        done = subprocess.run([sys.executable, "-c", installed, "grade", os.path.dirname(sub), "--exercise",
                               "queue", "--start-method", "fork"], cwd=checkout, capture_output=True,
                              text=True, timeout=600)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert "collect_large (hidden test): deadlock" in done.stdout, done.stdout + done.stderr
    assert_where(done.stdout, "p.join()  (%s)" % messages.text("wait_join"))
    assert "hooks" not in done.stdout and " error" not in done.stdout


def test_a_file_named_like_the_standard_library_is_named_in_the_verdict(submit, tmp_path):
    grade = submit("02_queue", "STOP = 'STOP'\n")
    (tmp_path / "submission" / "02_queue" / "queue.py").write_text("x = 1\n", encoding="utf-8")
    verdict = grade(None, ["collect_tutorial"])["collect_tutorial"]
    assert verdict.status == "error"
    assert "queue.py" in verdict.message and "Rename it" in verdict.message


def test_parallel_grading_gives_the_same_verdicts_as_sequential(exercises):
    """-j only changes how many scenarios run at once, never a verdict."""
    from grader.course import corpus

    corpus_dir = str(ROOT / "tests" / "corpus")
    cases = [c for c in corpus.load(corpus_dir, exercises)
             if c.file in ("wrong/02_queue/no_stop.py", "wrong/02_queue/no_join.py",
                           "correct/02_queue/slow_sleep.py")]
    runs = [corpus.grade_cases(corpus_dir, cases, ["fork"], jobs=jobs) for jobs in (1, 3)]
    statuses = [[(c.file, v.name, v.status) for c, verdicts in run for v in verdicts] for run in runs]
    assert statuses[0] == statuses[1]
    assert {s for _, _, s in statuses[0]} >= {"passed", "deadlock", "not_joined"}


def test_a_stack_dump_is_asked_only_of_a_process_that_can_give_one(tmp_path):
    """At a deadlock or timeout the supervisor asks each process for its stack with SIGUSR1. A
    process whose handler is not installed yet (a spawn child still starting up) would be
    killed by it, and a hang would be graded as a crash: such a process is left alone."""
    from grader.engine import tree

    code = "import sys; {}print('ready', flush=True); sys.stdin.read()"
    ready = ("import faulthandler, os, signal; "
             "faulthandler.register(signal.SIGUSR1, file=open(os.path.join({!r}, '%d.txt' % os.getpid()), 'w')); ")
    dump = str(tmp_path / "dumps")
    os.makedirs(dump)
    plain = subprocess.Popen([sys.executable, "-c", code.format("")], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    handled = subprocess.Popen([sys.executable, "-c", code.format(ready.format(dump))],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        for proc in (plain, handled):
            assert proc.stdout.readline() == b"ready\n"
        tree.take_dumps([psutil.Process(plain.pid), psutil.Process(handled.pid)], dump)
        assert plain.poll() is None, "the process without a handler was killed (exit %s)" % plain.returncode
        assert handled.poll() is None
        assert os.listdir(dump) == ["%d.txt" % handled.pid]
        assert "<string>" in open(os.path.join(dump, "%d.txt" % handled.pid)).read()  # its stack
    finally:
        for proc in (plain, handled):
            proc.kill()
            proc.communicate()


def test_once_grading_is_stopped_no_scenario_starts_until_it_resumes(submit):
    """Ctrl-C stops the scenarios running (their zygotes closed) and starts no other: a job
    in another thread that would go on to its next pass (a plain pytest test's) gets Stopped
    instead of a scenario that could run until its timeout."""
    from grader.engine import workers

    grade = submit("02_queue", (ROOT / "solutions" / "02_queue" / "queue_messages.py").read_text(encoding="utf-8"))
    workers.stop()
    try:
        with pytest.raises(workers.Stopped):
            grade(None, ["collect_tutorial"])
    finally:
        workers.resume()
    assert grade(None, ["collect_tutorial"])["collect_tutorial"].status == "passed"
