"""The self-study loop as a student meets it: `mpkit grade` on a fresh workspace, `list`,
`show`, `hint`, `watch`, the progress file, English and Chinese, colour only at a terminal."""
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from conftest import ROOT
from grader import cli
from grader.course import manifest
from grader.messages import text
from grader.reports.text import NOT_STARTED_LISTED

LINES_ON_ONE_SCREEN = 24
ESCAPE = "\x1b["
# a run of the CLI without a terminal and without the developer's language settings
PLAIN_ENV = {"NO_COLOR": "", "MPKIT_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


@pytest.fixture
def workspace(tmp_path):
    """A fresh student's workspace: a copy of the kit's unmodified exercises/."""
    shutil.copytree(str(ROOT / "exercises"), str(tmp_path / "exercises"),
                    ignore=shutil.ignore_patterns(".mpkit", "__pycache__"))
    return tmp_path


def mpkit(*args, cwd, env=None, **kwargs):
    return subprocess.run([sys.executable, "-m", "grader.cli", *args], cwd=str(cwd),
                          capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), **PLAIN_ENV, **(env or {})),
                          **kwargs)


def in_process(capsys, monkeypatch, workspace, *args, **env):
    """`mpkit ARGS` through cli.main in this process: (exit status, stdout, stderr)."""
    monkeypatch.chdir(workspace)
    for name, value in dict(PLAIN_ENV, **env).items():
        monkeypatch.setenv(name, value)
    status = cli.main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


# -- the first grade fits on one screen --------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_fresh_students_first_grade_fits_on_one_screen_and_ends_with_the_next_step(workspace, exercises, lang):
    done = mpkit("grade", "--lang", lang, cwd=workspace)
    assert done.returncode == 1, done.stderr
    screen = (done.stderr + done.stdout).splitlines()
    assert len(screen) <= LINES_ON_ONE_SCREEN, "\n".join(screen)
    first, rest = exercises[0], exercises[1:]
    module = os.path.join("exercises", first.folder, first.filename)
    readme = os.path.join("exercises", first.folder, "README.zh.md" if lang == "zh" else "README.md")
    assert screen[-1] == text("start_here", lang, readme=readme, module=module)
    # the first exercise in full, one line per test plus its message; the next few one line
    # each, and one line for the rest
    failing = text("test_fail", lang)
    assert sum(line.startswith("  " + failing) for line in screen) == len(first.scenarios())
    listed, later = rest[:NOT_STARTED_LISTED], rest[NOT_STARTED_LISTED:]
    for exercise in listed:
        own = [line for line in screen if exercise.folder in line]
        assert len(own) == 1 and text("exercise_not_started", lang, count=len(exercise.scenarios())) in own[0]
    if later:  # the rest of a long course: one line for all of them
        summary = text("exercises_later", lang, count=len(later), first=later[0].folder, last=later[-1].folder)
        assert [line for line in screen if later[0].folder in line] == [summary]
    assert ESCAPE not in done.stdout + done.stderr


def test_progress_shows_in_the_report_and_in_list(workspace, exercises, capsys, monkeypatch):
    first = exercises[0]
    shutil.copy(str(ROOT / "solutions" / first.folder / first.filename), str(workspace / "exercises" / first.folder))
    status, out, _ = in_process(capsys, monkeypatch, workspace, "grade", "--exercise", "process",
                                "--exercise", "queue")
    assert status == 1
    lines = out.splitlines()
    assert lines[0].startswith(first.folder) and text("exercise_passed", count=len(first.scenarios())) in lines[0]
    assert lines[-1] == text("next_up", folder=exercises[1].folder, title=exercises[1].title,
                             readme=os.path.join("exercises", exercises[1].folder, "README.md"))
    status, out, _ = in_process(capsys, monkeypatch, workspace, "list", "--format", "json")
    rows = json.loads(out)
    assert [row["name"] for row in rows] == [e.folder for e in exercises]
    assert [row["status"] for row in rows] == ["done"] + ["not_started"] * (len(exercises) - 1)
    for row, exercise in zip(rows, exercises):
        assert row == {"name": exercise.folder, "title": exercise.title, "points": exercise.points,
                       "hints": len(exercise.hints), "languages": ["en", "zh"], "status": row["status"]}
    status, out, _ = in_process(capsys, monkeypatch, workspace, "list")
    assert status == 0 and out.splitlines()[-1] == text(
        "list_footer", done=1, total=len(exercises), name=exercises[1].topic)
    assert text("status_done") in out.splitlines()[1] and ESCAPE not in out


# -- hints, statements and the progress file -----------------------------------------------------

def test_hint_gives_the_next_hint_each_time_and_remembers_it(workspace, exercises, capsys, monkeypatch):
    queue_ex = exercises[1]
    seen = []
    for _ in range(len(queue_ex.hints) + 1):
        status, out, _ = in_process(capsys, monkeypatch, workspace, "hint", "queue")
        assert status == 0
        seen.append(out.splitlines()[1])
    assert seen == queue_ex.hints + queue_ex.hints[-1:]
    assert out.splitlines()[-1] == text("hint_last", name="queue")
    status, out, _ = in_process(capsys, monkeypatch, workspace, "hint", "queue", "--lang", "zh")
    assert out.splitlines()[1] == queue_ex.hints_zh[-1]
    saved = json.loads((workspace / "exercises" / ".mpkit" / "progress.json").read_text(encoding="utf-8"))
    assert saved["exercises"]["02_queue"]["hints_seen"] == len(queue_ex.hints)
    status, out, _ = in_process(capsys, monkeypatch, workspace, "hint")  # the first not done
    assert out.splitlines()[1] == exercises[0].hints[0]


@pytest.mark.parametrize("content", ["{not json", json.dumps({"tool": "something else"}),
                                     json.dumps({"format": "mpkit-progress", "version": 99, "exercises": {}}),
                                     json.dumps({"format": "mpkit-progress", "version": 1, "exercises": []})])
def test_a_damaged_or_foreign_progress_file_is_named_not_a_traceback(workspace, content, capsys, monkeypatch):
    path = workspace / "exercises" / ".mpkit" / "progress.json"
    path.parent.mkdir()
    path.write_text(content, encoding="utf-8")
    named = "%s is not an mpkit progress file" % os.path.join("exercises", ".mpkit", "progress.json")
    for args in (["list"], ["hint", "queue"], ["watch"]):
        status, out, err = in_process(capsys, monkeypatch, workspace, *args)
        assert status == 2 and err.startswith("mpkit %s: error: %s" % (args[0], named)), err
    assert path.read_text(encoding="utf-8") == content  # never overwritten


def test_grade_still_grades_beside_a_damaged_progress_file_and_says_why_it_is_not_updated(
        workspace, capsys, monkeypatch):
    path = workspace / "exercises" / ".mpkit" / "progress.json"
    path.parent.mkdir()
    path.write_text("{not json", encoding="utf-8")
    status, out, err = in_process(capsys, monkeypatch, workspace, "grade", "--exercise", "lock")
    assert status == 1 and out.splitlines()[-1].startswith("Start here")
    assert "mpkit: %s is not an mpkit progress file" % os.path.join("exercises", ".mpkit", "progress.json") in err
    assert "Traceback" not in err and path.read_text(encoding="utf-8") == "{not json"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need a privilege on Windows")
def test_a_workspace_where_progress_cannot_be_saved_still_gets_its_hint_and_a_warning(workspace, capsys,
                                                                                     monkeypatch):
    os.symlink(str(workspace / "nowhere"), str(workspace / "exercises" / ".mpkit"))  # a folder that cannot be made
    status, out, err = in_process(capsys, monkeypatch, workspace, "hint", "pipe")
    assert status == 0 and out.splitlines()[1] == manifest.find(manifest.load(), "pipe").hints[0]
    assert err.startswith("mpkit: %s" % text("progress_unwritable", path=os.path.join(
        "exercises", ".mpkit", "progress.json"), detail="")[:40])


def test_show_prints_the_statement_in_the_chosen_language(workspace, capsys, monkeypatch):
    folder = workspace / "exercises" / "03_pipe"
    status, out, _ = in_process(capsys, monkeypatch, workspace, "show", "pipe", "--lang", "zh")
    assert status == 0 and out == (folder / "README.zh.md").read_text(encoding="utf-8")
    status, out, _ = in_process(capsys, monkeypatch, workspace, "show", "03_pipe")
    assert status == 0 and out == (folder / "README.md").read_text(encoding="utf-8")
    for number in ("3", "03"):  # what a student types after reading "exercise 3"
        status, out, _ = in_process(capsys, monkeypatch, workspace, "show", number)
        assert status == 0 and out == (folder / "README.md").read_text(encoding="utf-8")
    status, out, err = in_process(capsys, monkeypatch, workspace, "show", "30")
    assert status == 2 and "NAME: no exercise '30'" in err
    (folder / "README.zh.md").unlink()
    status, out, _ = in_process(capsys, monkeypatch, workspace, "show", "pipe", LANG="zh_CN.UTF-8")
    assert out == text("readme_fallback", "zh") + "\n\n" + (folder / "README.md").read_text(encoding="utf-8")
    status, out, err = in_process(capsys, monkeypatch, workspace, "show", "threads")
    assert status == 2 and "NAME: no exercise 'threads'" in err


# -- the language: --lang, MPKIT_LANG, the locale ----------------------------------------------------

@pytest.mark.parametrize("args, env, lang", [
    ([], {}, "en"),
    ([], {"LANG": "zh_CN.UTF-8"}, "zh"),
    ([], {"LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"}, "zh"),
    ([], {"LANG": "zh_CN.UTF-8", "MPKIT_LANG": "en"}, "en"),
    (["--lang", "zh"], {"MPKIT_LANG": "en"}, "zh"),
    (["--lang", "en"], {"LANG": "zh_CN.UTF-8"}, "en"),
])
def test_the_language_is_the_option_else_mpkit_lang_else_the_locale(workspace, exercises, args, env, lang,
                                                                       capsys, monkeypatch):
    status, out, _ = in_process(capsys, monkeypatch, workspace, "list", "--format", "json", *args, **env)
    assert status == 0
    titles = [row["title"] for row in json.loads(out)]
    assert titles == [e.title_zh if lang == "zh" else e.title for e in exercises]


@pytest.mark.parametrize("args, env, named", [
    (["--lang", "fr"], {}, "--lang: unknown language 'fr'; choose en or zh"),
    ([], {"MPKIT_LANG": "chinese"}, "MPKIT_LANG: unknown language 'chinese'; choose en or zh"),
])
@pytest.mark.parametrize("command", ["grade", "list", "show", "hint", "watch"])
def test_an_unknown_language_is_a_usage_error_naming_where_it_came_from(workspace, command, args, env, named,
                                                                          capsys, monkeypatch):
    status, out, err = in_process(capsys, monkeypatch, workspace, command, *args, **env)
    assert status == 2 and err == "mpkit %s: error: %s\n" % (command, named) and out == ""


def test_a_wrong_submission_graded_in_chinese_gets_the_chinese_message(workspace, capsys, monkeypatch):
    """The judge's messages follow the language into the grading threads, and the JSON report
    keeps its keys while its messages are in Chinese."""
    shutil.copy(str(ROOT / "tests" / "corpus" / "wrong" / "02_queue" / "reversed_order.py"),
                str(workspace / "exercises" / "02_queue" / "queue_messages.py"))
    status, out, _ = in_process(capsys, monkeypatch, workspace, "grade", "--exercise", "queue",
                                "--format", "json", "--lang", "zh")
    assert status == 1
    tests = {t["name"]: t for t in json.loads(out)["tests"]}
    assert tests["collect_tutorial"]["status"] == "failed"
    assert tests["collect_tutorial"]["message"] == text(
        "wrong_return", "zh", call="collect([11, None, 'lily'])", actual="['lily', None, 11]",
        expected="[11, None, 'lily']")


# -- terminal output: colour at a terminal only ---------------------------------------------------

def at_terminal(args, cwd, env):
    """What `mpkit ARGS` shows on a pseudo-terminal (stdout and stderr both on it)."""
    leader, follower = os.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "grader.cli", *args], cwd=str(cwd),
                              stdout=follower, stderr=follower, timeout=120,
                              env=dict(os.environ, PYTHONPATH=str(ROOT), TERM="xterm-256color",
                                       COLUMNS="100", **dict(PLAIN_ENV, **env)))
    finally:
        os.close(follower)
    chunks = []
    try:
        while True:
            chunk = os.read(leader, 65536)  # everything was written before the child ended
            if not chunk:
                break
            chunks.append(chunk)
    except OSError:  # EIO: the other side is closed and everything was read
        pass
    finally:
        os.close(leader)
    return done.returncode, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("no_color", ["", "1"])
@pytest.mark.parametrize("args, status, shown", [(["list"], 0, "01_process"),
                                                 (["grade", "--exercise", "lock"], 1, "Start here")])
def test_colour_at_a_terminal_and_plain_text_with_no_color(workspace, args, status, shown, no_color):
    returncode, screen = at_terminal(args, workspace, {"NO_COLOR": no_color})
    assert returncode == status, screen
    assert shown in screen
    assert (ESCAPE in screen) == (not no_color), screen


# -- watch -----------------------------------------------------------------------------------

class Lines:
    """The lines a process prints, read by a thread, waited for with a deadline."""

    def __init__(self, stream):
        self.queue, self.seen = queue.Queue(), []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            self.queue.put(line.rstrip("\n"))
        self.queue.put(None)

    def wait_for(self, wanted, seconds=120):
        deadline = time.monotonic() + seconds
        while True:
            try:
                line = self.queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError("no line %r within %d s; seen:\n%s" % (wanted, seconds, "\n".join(self.seen)))
            if line is None:
                raise AssertionError("output ended before %r; seen:\n%s" % (wanted, "\n".join(self.seen)))
            self.seen.append(line)
            if line == wanted:
                return


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is a POSIX signal")
def test_watch_regrades_what_is_saved_moves_on_when_it_passes_and_stops_on_ctrl_c(workspace, exercises):
    first, second, third = exercises[0], exercises[1], exercises[2]
    waiting = lambda e: text("watch_waiting", file=os.path.join("exercises", e.folder, e.filename))
    errors = open(str(workspace / "stderr.txt"), "w+", encoding="utf-8")  # a file never fills up
    watch = subprocess.Popen([sys.executable, "-m", "grader.cli", "watch", "--interval", "0.05"],
                             cwd=str(workspace), stdout=subprocess.PIPE, stderr=errors, text=True,
                             env=dict(os.environ, PYTHONPATH=str(ROOT), **PLAIN_ENV))
    try:
        lines = Lines(watch.stdout)
        lines.wait_for(waiting(first))
        shutil.copy(str(ROOT / "solutions" / first.folder / first.filename),
                    str(workspace / "exercises" / first.folder))
        lines.wait_for(text("watch_passed", folder=first.folder))
        lines.wait_for(waiting(second))
        with open(str(workspace / "exercises" / third.folder / third.filename), "a", encoding="utf-8") as f:
            f.write("# the student works on another exercise meanwhile\n")
        lines.wait_for(third.folder + "  " + third.title + "  0/%g" % third.points)  # graded on its save
        lines.wait_for(waiting(third))
        watch.send_signal(signal.SIGINT)
        watch.wait(timeout=60)
        lines.wait_for(text("watch_stopped", path=os.path.join("exercises", ".mpkit", "progress.json")))
    finally:
        if watch.poll() is None:
            watch.kill()
            watch.wait()
        errors.seek(0)
        stderr = errors.read()
        errors.close()
    assert watch.returncode == 0 and "Traceback" not in stderr, stderr
    saved = json.loads((workspace / "exercises" / ".mpkit" / "progress.json").read_text(encoding="utf-8"))
    assert saved["exercises"][first.folder]["status"] == "done"
    assert saved["exercises"][second.folder]["status"] == saved["exercises"][third.folder]["status"] == "not_started"
