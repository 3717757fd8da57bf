"""Verdicts rest on direct evidence, and their messages say what was seen in plain words: a
timed wait is not a busy loop, an unwaited-for process is not a "zombie", a queue's feeder
thread is not "_wait_for_tstate_lock", a leak names targets, not interpreter command lines.
(The corpus in tests/corpus/ proves the verdicts of many more programs; these are the
messages that need a scenario built for them.)"""
import pytest

from conftest import METHODS, ROOT
from grader import messages
from grader.reports import timeline
from test_engine import _without_greet

PIPE_HEAD = """
from multiprocessing import Pipe, Process

def make_one_way_pipe():
    return Pipe(duplex=False)

def send_all(conn, items):
    for item in items:
        conn.send(item)
    conn.close()
"""


def test_a_timed_wait_is_neither_busy_nor_stuck(submit, monkeypatch):
    monkeypatch.setenv("MPKIT_TIMEOUT_SCALE", "0.2")
    grade = submit("03_pipe", PIPE_HEAD + """
def receive_all(items):
    r, w = make_one_way_pipe()
    p = Process(target=send_all, args=(w, items))
    p.start()
    got = []
    while r.poll(60):
        got.append(r.recv())
    p.join()
    return got
""")
    verdict = grade(None, ["receive_all_tutorial"])["receive_all_tutorial"]
    assert verdict.status == "timeout", verdict.message
    assert messages.text("timeout_timed").strip() in verdict.message
    assert "a loop that never ends" not in verdict.message
    if "[waiting" in verdict.message:  # where /proc tells each process's state
        assert messages.text("activity_timed_wait") in verdict.message


def test_a_busy_loop_is_called_busy(submit, monkeypatch):
    monkeypatch.setenv("MPKIT_TIMEOUT_SCALE", "0.2")
    grade = submit("03_pipe", PIPE_HEAD + """
def receive_all(items):
    while True:
        pass
""")
    verdict = grade(None, ["receive_all_tutorial"])["receive_all_tutorial"]
    assert verdict.status == "timeout"
    assert messages.text("timeout_busy").strip() in verdict.message


@pytest.mark.parametrize("method", METHODS)
def test_join_before_draining_names_the_queue_thread_in_plain_words(submit, method):
    source = (ROOT / "tests" / "corpus" / "wrong" / "02_queue" / "join_before_get.py").read_text(encoding="utf-8")
    grade = submit("02_queue", source)
    verdict = grade(method, ["collect_large"])["collect_large"]
    assert verdict.status == "deadlock"
    assert "_wait_for_tstate_lock" not in verdict.message and "threading.py" not in verdict.message
    if "child running produce" in verdict.message:  # the platform has stack dumps
        assert messages.text("wait_feeder") in verdict.message
        assert messages.text("wait_join") in verdict.message


def test_an_unjoined_process_is_described_without_jargon(submit):
    grade = submit("02_queue", """
from multiprocessing import Process, Queue
STOP = "STOP"

def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)

def collect(items):
    q = Queue()
    p = Process(target=produce, args=(q, items))
    p.start()
    out = []
    while True:
        item = q.get()
        if item == STOP:
            return out
        out.append(item)
""")
    verdict = grade(None, ["collect_tutorial"])["collect_tutorial"]
    assert verdict.status == "not_joined"
    assert "zombie" not in verdict.message
    assert any(messages.text(key) in verdict.message for key in ("state_alive", "state_zombie", "state_gone"))


@pytest.mark.parametrize("stop", ["extra.terminate()", "os.kill(extra.pid, signal.SIGKILL)"])
def test_a_process_the_student_terminates_is_not_a_crash(submit, stop):
    grade = submit("01_process", """
import os
import signal
import time
from multiprocessing import Process

def greet(name):
    print("hello", name)

def run_greeting(name):
    p = Process(target=greet, args=(name,))
    p.start()
    p.join()
    return p.exitcode

def forever():
    while True:
        time.sleep(0.01)

def start_in_background(target, *args):
    extra = Process(target=forever)
    extra.start()
    %s
    extra.join()
    p = Process(target=target, args=args)
    p.start()
    return p
""" % stop)
    verdicts = grade(None, ["start_in_background", "run_greeting_in_child"])
    assert verdicts["start_in_background"].status == "passed", verdicts["start_in_background"].message


@pytest.mark.parametrize("after", ["return squares, None",
                                   "while worker.exitcode is None:\n        pass\n    return squares, worker.exitcode"])
def test_a_worker_killed_and_not_joined_is_told_its_kill_whether_or_not_it_was_reaped(submit, after):
    """16: kill() and no join() is told as both faults, the same whether the caller left the
    dead worker unreaped or reaped it by reading its exitcode (which first decided between a
    bare 'not waited for' and the kill alone)."""
    source = (ROOT / "tests" / "corpus" / "wrong" / "16_daemon_shutdown" / "os_kill_sigkill.py").read_text(encoding="utf-8")
    stop = "    os.kill(worker.pid, signal.SIGKILL)\n    worker.join()\n    return squares, worker.exitcode\n"
    assert stop in source
    grade = submit("16_daemon_shutdown", source.replace(stop, "    worker.kill()\n    %s\n" % after))
    verdict = grade(None, ["run_jobs_stops"])["run_jobs_stops"]
    assert verdict.status == "failed"
    assert "with kill()" in verdict.message
    assert messages.text("shutdown_killed_no_join") in verdict.message


def test_output_past_what_the_supervisor_keeps_does_not_cost_a_correct_child_its_lines(submit):
    """The supervisor confirms each write a scenario reports against what it read from stdout
    (grader/engine/confirm.py) and holds the first 4 MiB of it: a caller that prints 5 MB of
    debug lines first leaves its child's greeting beyond that, unconfirmable but believed."""
    grade = submit("01_process", """
from multiprocessing import Process

def greet(name):
    print("hello", name)

def run_greeting(name):
    for number in range(5000):
        print("debug", number, "." * 1000)
    p = Process(target=greet, args=(name,))
    p.start()
    p.join()
    return p.exitcode

def start_in_background(target, *args):
    raise NotImplementedError
""")
    verdict = grade(None, ["run_greeting_in_child"])["run_greeting_in_child"]
    assert verdict.status == "passed", verdict.message


@pytest.mark.parametrize("method", METHODS)
def test_work_outside_the_semaphore_names_the_students_line_not_a_bare_pid(submit, method):
    source = (ROOT / "tests" / "corpus" / "wrong" / "12_semaphore" / "released_before_work.py").read_text(
        encoding="utf-8")
    number = [n for n, line in enumerate(source.splitlines(), 1) if line.strip() == "work(i)"][0]
    verdicts = submit("12_semaphore", source)(method, ["guarded_holds", "run_limited_capped"])
    at = "limited_work.py:%d in guarded: work(i)" % number
    held, capped = verdicts["guarded_holds"], verdicts["run_limited_capped"]
    assert held.status == capped.status == "failed"
    assert "the calling process (pid" in held.message and at in held.message, held.message
    assert "the child running guarded (pid" in capped.message and at in capped.message, capped.message


@pytest.mark.parametrize("method", METHODS)
def test_work_under_a_semaphore_other_than_the_one_given_names_that_one_and_its_line(submit, method):
    verdict = submit("12_semaphore", """
        from multiprocessing import BoundedSemaphore
        OWN = BoundedSemaphore(50)

        def guarded(sem, work, i):
            with OWN:
                work(i)
        """)(method, ["guarded_holds"])["guarded_holds"]
    assert verdict.status == "failed"
    made = "holding another semaphore (made at limited_work.py:3 in <module>: OWN = BoundedSemaphore(50))"
    assert made in verdict.message and "no semaphore" not in verdict.message, verdict.message


@pytest.mark.parametrize("method", METHODS)
def test_a_lambda_in_a_pool_is_explained_by_the_pool_not_the_start_method(submit, method):
    source = (ROOT / "tests" / "corpus" / "wrong" / "10_pool_map" / "lambda_task.py").read_text(encoding="utf-8")
    verdict = submit("10_pool_map", source)(method, ["square_in_pool"])["square_in_pool"]
    assert verdict.status == "crashed"
    assert messages.text("cause_lambda_pool") in verdict.message, verdict.message
    assert "importing your module" not in verdict.message and "start method a child" not in verdict.message


@pytest.mark.parametrize("method", [m for m in METHODS if m != "fork"])
def test_a_top_level_print_is_named_at_its_line_not_blamed_on_main(submit, method):
    """Run as a script, the file's top-level print runs in the caller and again in every child
    that imports the file: the message names that line, and quotes each printed line whole."""
    source = (ROOT / "solutions" / "17_spawn_safe" / "spawn_safe_tasks.py").read_text(encoding="utf-8")
    source = source.replace("import sys\n", "import sys\n\nprint('starting the tasks')\n", 1)
    number = source.splitlines().index("print('starting the tasks')") + 1
    verdict = submit("17_spawn_safe", source)(method, ["script"])["script"]
    assert verdict.status == "failed"
    assert "spawn_safe_tasks.py:%d `print('starting the tasks')`" % number in verdict.message, verdict.message
    assert "'starting the tasks', '[10, 20, 30]'" in verdict.message
    assert "prints the list scale_all returns" not in verdict.message


def test_a_child_that_sleeps_out_the_time_is_not_said_to_wait_for_another(submit, monkeypatch):
    from grader.engine import system

    if not system.HAS_DUMPS:
        pytest.skip("no stack dumps on this platform: where a process slept is not known")
    monkeypatch.setenv("MPKIT_TIMEOUT_SCALE", "0.2")
    source = _without_greet("import time\n\ndef greet(name):\n    time.sleep(600)\n")
    number = source.splitlines().index("    time.sleep(600)") + 1
    grade = submit("01_process", source)
    verdict = grade(None, ["run_greeting_in_child"])["run_greeting_in_child"]
    assert verdict.status == "timeout", verdict.message
    assert "never sent" not in verdict.message
    assert "the child running greet (pid" in verdict.message
    assert "was sleeping at hello_process.py:%d in greet: time.sleep(600)" % number in verdict.message, verdict.message
    child = [lane for lane in verdict.timeline["lanes"] if lane["target"] == "greet"][0]
    assert timeline.lane_status(child) == messages.text("wait_sleep")


@pytest.mark.parametrize("method", METHODS)
def test_both_sides_stuck_sending_is_named_not_a_stop_never_sent(submit, method):
    """Every request, then STOP, before any reply is read: with 1 MB messages both processes
    wait in send. STOP is in the program, after the requests: the message says why it was not
    reached, at both lines, instead of telling the student to send it."""
    from grader.engine import system

    if not system.HAS_DUMPS:
        pytest.skip("no stack dumps on this platform: where each process sent is not known")
    source = (ROOT / "tests" / "corpus" / "wrong" / "08_two_way_pipe" / "send_all_first.py").read_text(
        encoding="utf-8")
    source = source.replace("    replies = [here.recv() for _ in requests]\n    here.send(STOP)\n",
                            "    here.send(STOP)\n    replies = [here.recv() for _ in requests]\n")
    lines = source.splitlines()
    number = lines.index("        here.send(request)") + 1
    verdict = submit("08_two_way_pipe", source)(method, ["ask_all_large"])["ask_all_large"]
    assert verdict.status == "deadlock"
    assert "request_reply.py:%d in ask_all: here.send(request)" % number in verdict.message, verdict.message
    assert "the child running serve (pid" in verdict.message and " in serve: " in verdict.message
    assert "never sent STOP" not in verdict.message


def test_a_print_without_the_lock_names_the_child_and_its_line(submit):
    source = (ROOT / "tests" / "corpus" / "wrong" / "04_lock" / "no_lock.py").read_text(encoding="utf-8")
    number = [n for n, line in enumerate(source.splitlines(), 1) if "print(" in line][0]
    verdict = submit("04_lock", source)("fork", ["report_all_locked"])["report_all_locked"]
    assert verdict.status == "failed"
    assert "the child running report (pid" in verdict.message, verdict.message
    assert "locked_output.py:%d in report: print(" % number in verdict.message


@pytest.mark.parametrize("method", METHODS)
def test_a_process_closed_after_its_exit_code_is_read_is_judged_by_that_code(submit, method):
    """close() after join() releases the Process object and drops its pid and exit code: the
    grader keeps them from the close itself (Parsl's join_terminate_close_proc does this)."""
    verdicts = submit("06_join_timeout", """
from multiprocessing import Process

def stop(p):
    if p.is_alive():
        p.terminate()
    p.join()
    code = p.exitcode
    p.close()
    return code

def run_with_timeout(target, args, timeout):
    p = Process(target=target, args=args)
    p.start()
    p.join(timeout)
    finished = not p.is_alive()
    return finished, stop(p)
""")(method, ["stop_running", "finishes_exit_code", "stopped_after_timeout"])
    for name, verdict in verdicts.items():
        assert verdict.status == "passed", (name, verdict.message)


def test_a_manager_the_student_makes_is_not_held_at_the_start_gate(submit):
    """exit_codes holds the student's children at their start until the caller waits on them; a
    Manager's own server, which multiprocessing starts and waits for, must not be held too."""
    verdict = submit("07_child_errors", """
from multiprocessing import Manager, Process

def exit_codes(func, args):
    with Manager() as manager:
        codes = manager.list()
        processes = [Process(target=func, args=(arg,)) for arg in args]
        for p in processes:
            p.start()
        for p in processes:
            p.join()
            codes.append(p.exitcode)
        return list(codes)
""")("fork", ["exit_codes"])["exit_codes"]
    assert verdict.status == "passed", verdict.message


@pytest.mark.parametrize("method", METHODS)
def test_a_childs_own_sys_exit_after_it_reported_is_not_a_crash(submit, method):
    """torch.multiprocessing's _wrap reports the error, then calls sys.exit(1): an exit code the
    student's code chose, not "something in it failed"."""
    verdicts = submit("07_child_errors", """
import sys
from multiprocessing import Process, Queue

def run_task(results, index, func, arg):
    try:
        results.put((index, True, func(arg)))
    except Exception as exc:
        results.put((index, False, "%s: %s" % (type(exc).__name__, exc)))
        sys.exit(1)

def run_all(func, args):
    results = Queue()
    processes = [Process(target=run_task, args=(results, i, func, arg)) for i, arg in enumerate(args)]
    for p in processes:
        p.start()
    answers = [None] * len(args)
    for _ in args:
        index, ok, payload = results.get()
        answers[index] = payload
    for p in processes:
        p.join()
    return answers
""")(method, ["run_task_error", "run_all_mixed"])
    for name, verdict in verdicts.items():
        assert verdict.status == "passed", (name, verdict.message)


@pytest.mark.parametrize("method", METHODS)
def test_results_kept_in_a_managers_dict_in_arrival_order_are_caught_every_time(submit, method):
    """The first child's first write through a manager's proxy is held like a Queue.put(), so
    dict.values() in the order the children wrote is out of order every time; the values came
    through the manager's replies, from the children, which the message must not deny."""
    source = (ROOT / "tests" / "corpus" / "realworld" / "07_child_errors" / "so_manager_dict_values.py").read_text(
        encoding="utf-8")
    verdict = submit("07_child_errors", source)(method, ["run_all_mixed"])["run_all_mixed"]
    assert verdict.status == "failed", verdict.message
    assert "wrong order: use the index" in verdict.message, verdict.message
