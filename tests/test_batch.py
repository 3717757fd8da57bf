"""`mpkit grade-batch` and `mpkit merge` as an instructor runs them: a class of mixed
submissions (correct, wrong, hanging, hostile, empty, zipped, flat, misnamed, badly laid out)
gives the right grades.csv; a run stopped with Ctrl-C resumes without regrading anyone; three
shards merged equal one run; bad input exits 2 and names the option."""
import csv
import html
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from urllib.parse import unquote

import pytest

from conftest import ROOT
from test_cli import mpkit

GOLDEN = ROOT / "tests" / "golden"
WRONG = ROOT / "tests" / "corpus" / "wrong"
HOSTILE = ROOT / "tests" / "hostile"
SOLUTION = {"01_process": ROOT / "solutions" / "01_process" / "hello_process.py",
            "02_queue": ROOT / "solutions" / "02_queue" / "queue_messages.py"}
STUB = {"01_process": ROOT / "exercises" / "01_process" / "hello_process.py",
        "02_queue": ROOT / "exercises" / "02_queue" / "queue_messages.py"}
SELECTION = ["--exercise", "process", "--exercise", "queue", "--start-method", "fork"]


def _put(folder, files):
    """files: {relative path: source file or text}."""
    for rel, content in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            shutil.copyfile(content, target)


def _zip(path, files):
    with zipfile.ZipFile(path, "w") as archive:
        for rel, content in files.items():
            archive.writestr(rel, content if isinstance(content, str) else content.read_bytes())


LAYOUT = {"01_process/hello_process.py": SOLUTION["01_process"],
          "02_queue/queue_messages.py": SOLUTION["02_queue"]}
FLAT = {"hello_process.py": SOLUTION["01_process"], "queue_messages.py": SOLUTION["02_queue"]}


def make_class(root):
    """22 students, one sub-folder or zip each; what each should get is in the golden CSV."""
    root.mkdir()
    folders = {
        "s01_layout": LAYOUT,
        "s02_flat": FLAT,
        "s05_nested": {"my work/exercises/" + rel: src for rel, src in LAYOUT.items()},
        "s06_stubs": {"01_process/hello_process.py": STUB["01_process"],
                      "02_queue/queue_messages.py": STUB["02_queue"]},
        "s07_empty": {},
        "s08_misnamed": {"01_process/hello_proces.py": SOLUTION["01_process"],
                         "02_queue/queue_messages.py": SOLUTION["02_queue"]},
        "s09_swapped_folders": {"02_queue/hello_process.py": SOLUTION["01_process"],
                                "01_process/queue_messages.py": SOLUTION["02_queue"]},
        "s10_hanging": {"hello_process.py": SOLUTION["01_process"],
                        "queue_messages.py": WRONG / "02_queue" / "no_stop.py"},
        "s11_reversed": {"hello_process.py": SOLUTION["01_process"],
                         "queue_messages.py": WRONG / "02_queue" / "reversed_order.py"},
        "s12_crashes": {"hello_process.py": WRONG / "01_process" / "no_join.py",
                        "queue_messages.py": WRONG / "02_queue" / "produce_crashes.py"},
        "s13_flood": {"hello_process.py": HOSTILE / "output_flood.py",
                      "queue_messages.py": SOLUTION["02_queue"]},
        "s15_forged_tests": dict(FLAT, **{
            "conftest.py": "import os\nos._exit(0)\n",
            "test_queue_messages.py": "def test_all():\n    assert True\n",
            "queue.py": "raise SystemExit('shadowing the standard library')\n"}),
        "s17_in_parent": {"hello_process.py": WRONG / "01_process" / "called_in_parent.py",
                          "queue_messages.py": WRONG / "02_queue" / "called_in_parent.py"},
        "s18_syntax_error": {"hello_process.py": WRONG / "01_process" / "syntax_error.py",
                             "queue_messages.py": SOLUTION["02_queue"]},
        "s19_exit_at_import": {"hello_process.py": SOLUTION["01_process"],
                               "queue_messages.py": WRONG / "02_queue" / "exit_at_import.py"},
        "s20_too_large": {"hello_process.py": "# " + "x" * (2 * 1024 * 1024) + "\n",
                          "queue_messages.py": SOLUTION["02_queue"]},
        "s21_only_queue": {"02_queue/queue_messages.py": SOLUTION["02_queue"],
                           "notes.txt": "I did not do the first one."},
    }
    for name, files in folders.items():
        (root / name).mkdir()
        _put(root / name, files)
    (root / "s14_symlink").mkdir()
    _put(root / "s14_symlink", {"queue_messages.py": SOLUTION["02_queue"]})
    os.symlink("/etc/passwd", str(root / "s14_symlink" / "hello_process.py"))
    _zip(root / "s03_zip.zip", LAYOUT)
    _zip(root / "s04_zip_flat.zip", dict(FLAT, **{"__MACOSX/._hello_process.py": "\0\0junk"}))
    (root / "s16_broken.zip").write_bytes(b"this is not a zip")
    _corrupt_zip(root / "s22_corrupt_member.zip", LAYOUT, "01_process/hello_process.py")
    (root / "README.txt").write_text("not a student", encoding="utf-8")
    return root


def _corrupt_zip(path, files, member):
    """A zip whose `member` has its compressed bytes damaged: reading it fails."""
    with zipfile.ZipFile(str(path), "w", zipfile.ZIP_DEFLATED) as archive:
        for rel, content in files.items():
            archive.writestr(rel, content.read_bytes())
    with zipfile.ZipFile(str(path)) as archive:
        info = archive.getinfo(member)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 10:start + 40] = b"\xff" * 30
    path.write_bytes(bytes(data))


def _csv(path):
    with open(str(path), encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _golden_csv(name, rows):
    path = GOLDEN / name
    if os.environ.get("MPKIT_UPDATE_GOLDEN"):
        with open(str(path), "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
    assert rows == _csv(path)


def test_a_class_is_graded_and_resumed_after_ctrl_c(tmp_path):
    submissions = make_class(tmp_path / "class")
    # s21's queue_messages.py is, for the first run, a loop that never ends: no scenario of the
    # class meets the long timeout but this one, so the run is still grading when it is stopped
    late = submissions / "s21_only_queue" / "queue_messages.py"
    late.write_text("while True:\n    pass\n", encoding="utf-8")
    state, grades = tmp_path / "state", tmp_path / "grades.csv"
    args = [sys.executable, "-m", "grader.cli", "grade-batch", str(submissions), "--csv", str(grades),
            "--state", str(state), "--feedback", str(tmp_path / "feedback"), "--timeout", "300"] + SELECTION
    run = subprocess.Popen(args, cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # students are unpacked as grading reaches them, in order: wait for 6 records
    while len(list(state.glob("*.json"))) < 6 and run.poll() is None:
        time.sleep(0.02)  # a poll of the condition, not a wait for it
    assert run.poll() is None, run.communicate()
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 130, out + err
    assert "interrupted" in out and "run the same command again" in out
    assert "Traceback" not in err and not grades.exists()
    kept = {p.name: p.stat().st_mtime_ns for p in state.glob("*.json")}
    assert 6 <= len(kept) < 22 and "s21_only_queue.json" not in kept
    shutil.copyfile(SOLUTION["02_queue"], late)  # the loop replaced by the solution

    done = subprocess.run(args, cwd=str(ROOT), capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stdout + done.stderr  # the broken zip failed to grade
    skipped = len(kept) - ("s16_broken.json" in kept)  # the broken zip's is tried again
    assert "%d graded, %d already graded (skipped), 1 failed to grade" % (21 - skipped, skipped) in done.stdout
    for name, mtime in kept.items():
        if name != "s16_broken.json":
            assert (state / name).stat().st_mtime_ns == mtime, name
    rows = _csv(grades)
    _golden_csv("batch-grades.csv", rows)
    assert len(rows) == 23 and rows[0] == ["student", "01_process", "02_queue", "total", "note"]
    feedback = sorted(p.name for p in (tmp_path / "feedback").iterdir())
    assert feedback == sorted([row[0] + ext for row in rows[1:] for ext in (".md", ".html")] + ["index.html"])
    misnamed = (tmp_path / "feedback" / "s08_misnamed.md").read_text(encoding="utf-8")
    assert "hello_process.py" in misnamed and "hello_proces.py" in misnamed
    assert str(tmp_path) not in "".join((tmp_path / "feedback" / f).read_text(encoding="utf-8")
                                        for f in feedback)


def test_three_shards_merged_equal_one_run(tmp_path):
    submissions = tmp_path / "class"
    submissions.mkdir()
    for name, files in {"ann": FLAT, "ben": {}, "cat": {"queue_messages.py": STUB["02_queue"]},
                        "dan": {"queue_messages.py": WRONG / "02_queue" / "reversed_order.py"},
                        "eve": LAYOUT, "fay": {"02_queue/queue_message.py": SOLUTION["02_queue"]},
                        "gus": {"queue_messages.py": WRONG / "02_queue" / "join_before_get.py"}}.items():
        (submissions / name).mkdir()
        _put(submissions / name, files)
    selection = ["--exercise", "queue", "--start-method", "fork"]
    whole = mpkit("grade-batch", str(submissions), "--csv", str(tmp_path / "whole.csv"),
                  "--feedback", str(tmp_path / "whole"), *selection)
    assert whole.returncode == 0, whole.stdout + whole.stderr
    graded = 0
    for k in (1, 2, 3):
        shard = mpkit("grade-batch", str(submissions), "--shard", "%d/3" % k, "--csv",
                      str(tmp_path / ("shard%d.csv" % k)), "--state", str(tmp_path / ("state%d" % k)),
                      *selection)
        assert shard.returncode == 0, shard.stdout + shard.stderr
        graded += len(_csv(tmp_path / ("shard%d.csv" % k))) - 1
    assert graded == 7
    merged = mpkit("merge", *(str(tmp_path / ("state%d" % k)) for k in (1, 2, 3)),
                   "--csv", str(tmp_path / "merged.csv"), "--feedback", str(tmp_path / "merged"))
    assert merged.returncode == 0, merged.stderr
    assert _csv(tmp_path / "merged.csv") == _csv(tmp_path / "whole.csv")
    names = sorted(p.name for p in (tmp_path / "whole").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "merged").iterdir()) and len(names) == 15
    for name in [n for n in names if n.endswith(".md")]:  # the same, but for a deadlock's pids and seconds
        assert _unstable((tmp_path / "whole" / name).read_text()) == \
            _unstable((tmp_path / "merged" / name).read_text())
    _check_index(tmp_path / "merged" / "index.html", _csv(tmp_path / "merged.csv"))


def _check_index(index, rows):
    """The class page: each student linked to a page that exists, highest total first, and
    the pass rate of each test among the graded students."""
    page = index.read_text(encoding="utf-8")
    totals = {row[0]: float(row[-2]) for row in rows[1:]}
    listed = re.findall(r'<tr><td>([^<]+)</td><td>[^<]*</td><td><a href="([^"]+)"', page)
    assert [name for name, _ in listed] == sorted(totals, key=lambda n: (-totals[n], n))
    for name, href in listed:
        assert (index.parent / href).is_file() and "Feedback for %s" % name in (index.parent / href).read_text()
    rates = re.findall(r"<tr><td>02_queue</td><td>(\w+)</td><td>(\d+)/(\d+)</td>", page)
    assert rates and all(int(of) == 7 and 0 <= int(ok) <= 7 for _, ok, of in rates)
    assert 0 < sum(int(ok) for _, ok, _ in rates) < 7 * len(rates)


def _unstable(text):
    return re.sub(r"pid \d+|\d+\.\d s", "#", text)


def test_a_rerun_skips_who_is_graded_unless_forced(tmp_path):
    (tmp_path / "class" / "ben").mkdir(parents=True)  # nothing handed in: graded with no scenario
    args = ["grade-batch", str(tmp_path / "class"), "--csv", str(tmp_path / "grades.csv"), "--exercise", "queue"]
    lines = [mpkit(*args, *extra).stdout for extra in ([], [], ["--force"])]
    assert "1 graded, 0 already graded" in lines[0]
    assert "0 graded, 1 already graded" in lines[1]
    assert "1 graded, 0 already graded" in lines[2]
    assert (tmp_path / ".mpkit-batch" / "ben.json").is_file()


@pytest.mark.parametrize("args, named", [
    (["grade-batch", "no-such-folder", "--csv", "g.csv"], "SUBMISSIONS"),
    (["grade-batch", "solutions", "--csv", "g.csv"], "SUBMISSIONS"),  # one student's folders are not a class
    (["grade-batch", "tests/corpus", "--csv", "g.csv", "--shard", "4/3"], "--shard"),
    (["grade-batch", "tests/corpus", "--csv", "g.csv", "--shard", "two"], "--shard"),
    (["grade-batch", "tests/corpus", "--csv", "no/such/folder/g.csv"], "--csv"),
    (["grade-batch", "tests/corpus", "--csv", "g.csv", "-j", "0"], "--jobs"),
    (["merge", "tests/corpus", "--csv", "g.csv"], "STATE_DIR"),
    (["merge", "no-such-state", "--csv", "g.csv"], "STATE_DIR"),
    (["summary", "no-such-results.json"], "RESULTS.json"),
    (["summary", "pyproject.toml"], "RESULTS.json"),
    (["gradescope", "autograder.tar"], "OUT.zip"),
    (["gradescope", "no/such/folder/autograder.zip"], "OUT.zip"),
    (["gradescope", "autograder.zip", "--exercise", "05_nothing"], "--exercise"),
    (["workflow", "shards", "--shards", "0"], "--shards"),
    (["grade", "solutions", "--format", "xml"], "--format"),
])
def test_bad_input_exits_2_and_names_what_is_at_fault(args, named):
    """The commands for a class (grade-batch, merge, summary, gradescope, workflow)."""
    done = mpkit(*args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert named in done.stderr and "Traceback" not in done.stderr


def test_merge_names_a_damaged_record(tmp_path):
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "ann.json").write_text('{"version": 1, "student": "ann"}', encoding="utf-8")
    done = mpkit("merge", str(tmp_path / "state"), "--csv", str(tmp_path / "grades.csv"))
    assert done.returncode == 2 and "ann.json" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "grades.csv").exists()


def test_a_shaken_batch_names_its_seed(tmp_path):
    """With MPKIT_SHAKE set, the closing line gives the seed that reproduces the schedules."""
    _put(tmp_path / "class" / "alice", {"01_process/hello_process.py": SOLUTION["01_process"]})
    done = mpkit("grade-batch", str(tmp_path / "class"), "--csv", str(tmp_path / "grades.csv"),
                 "--exercise", "process", env={"MPKIT_SHAKE": "80"})
    assert done.returncode == 0, done.stderr
    assert "1 graded" in done.stdout and "; schedules shaken with seed 80 (MPKIT_SHAKE=80)" in done.stdout, done.stdout


FORMULAS = ["=SUM(1,2)", "+1+1", "-1+1", "@SUM(1)", "\tx", "\rx"]


def test_student_names_never_become_spreadsheet_formulas(tmp_path):
    """OWASP's CSV injection: a cell that starts with =, +, -, @, a tab or a carriage return is
    a formula to Excel, LibreOffice and Google Sheets. grades.csv, from grade-batch and from
    merge, starts such a cell with ' (a name's tab and carriage return are shown as \\t and
    \\r) and leaves every other name as it is."""
    names = FORMULAS + ["ann"]
    for name in names:
        (tmp_path / "class" / name).mkdir(parents=True)  # nothing handed in: a row, no scenario
    state, grades, merged = tmp_path / "state", tmp_path / "grades.csv", tmp_path / "merged.csv"
    done = mpkit("grade-batch", str(tmp_path / "class"), "--csv", str(grades), "--state", str(state),
                 "--exercise", "queue")
    assert done.returncode == 0, done.stdout + done.stderr
    assert mpkit("merge", str(state), "--csv", str(merged)).returncode == 0
    for path in (grades, merged):
        rows = _csv(path)
        assert sorted(row[0] for row in rows[1:]) == sorted(["'=SUM(1,2)", "'+1+1", "'-1+1", "'@SUM(1)",
                                                            "\\tx", "\\rx", "ann"])
        assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_odd_student_names_cost_nobody_a_grade(tmp_path):
    """Folder names that make file names too long once quoted (255 bytes of Chinese, 255 '%'),
    that are not UTF-8, or that hold escape sequences and a newline: each student is a row of
    grades.csv with a readable name, gets feedback, is found again by a rerun and by merge, and
    ann beside them keeps her grade."""
    root = tmp_path / "class"
    long_name, percents, escapes = "学" * 85, "%" * 255, "dan\n\x1b[2J\x1b]52;c;eA==\x07"
    for name, files in {"ann": {"queue_messages.py": SOLUTION["02_queue"]},
                        long_name: {"queue_messages.py": SOLUTION["02_queue"]},
                        percents: {}, escapes: {}}.items():
        (root / name).mkdir(parents=True)
        _put(root / name, files)
    os.mkdir(os.fsencode(root) + b"/\xff\xfe-ben")  # not UTF-8: a name of bytes
    grades, feedback = tmp_path / "grades.csv", tmp_path / "feedback"
    args = ["grade-batch", str(root), "--csv", str(grades), "--feedback", str(feedback),
            "--exercise", "queue", "--start-method", "fork"]
    done = mpkit(*args)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stdout + done.stderr
    assert "5 graded" in done.stdout and "\x1b" not in done.stdout + done.stderr, done.stdout + done.stderr
    totals = {row[0]: row[-2] for row in _csv(grades)[1:]}
    assert totals == {"ann": "6", long_name: "6", percents: "0", "\\xff\\xfe-ben": "0",
                      "dan\\n\\x1b[2J\\x1b]52;c;eA==\\x07": "0"}
    pages = sorted(p.name for p in feedback.iterdir())
    assert len(pages) == 11 and all(len(name.encode()) <= 255 for name in pages)
    index = (feedback / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', index)
    assert len(links) == 5 and all((feedback / unquote(html.unescape(link))).is_file() for link in links)
    again = mpkit(*args)
    assert "0 graded, 5 already graded" in again.stdout, again.stdout + again.stderr
    merged = mpkit("merge", str(tmp_path / ".mpkit-batch"), "--csv", str(tmp_path / "merged.csv"))
    assert merged.returncode == 0 and _csv(tmp_path / "merged.csv") == _csv(grades), merged.stderr
