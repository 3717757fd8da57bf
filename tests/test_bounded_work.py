"""The trusted side's work on what a scenario wrote is linear and capped: what student code
writes (its event log, its notebooks, its archives) can make the grader do only a bounded amount
of work per submission, however it is shaped. Work is measured as the number of calls the
trusted side makes (sys.setprofile) and the memory it keeps (tracemalloc), never as time."""
import csv
import json
import sys
import tracemalloc
import zipfile

from conftest import ROOT

from grader import grading
from grader.course import notebooks
from grader.platforms import submissions
from grader.reports import text as text_report
from grader.reports import timeline


def _calls(function, *args):
    """(function's result, how many Python and C functions it called)."""
    count = [0]

    def profile(frame, event, arg):
        if event in ("call", "c_call"):
            count[0] += 1

    sys.setprofile(profile)
    try:
        result = function(*args)
    finally:
        sys.setprofile(None)
    return result, count[0]


def _peak(function, *args):
    """(function's result, the most memory it held at once, in bytes)."""
    tracemalloc.start()
    try:
        result = function(*args)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _report(writes):
    """A supervisor's report of a scenario stopped while it hung, whose caller made `writes`."""
    events = [{"t": 1.0 + i / 1000, "pid": 10, "kind": "write", "stream": "stdout", "text": text,
               "held": []} for i, text in enumerate(writes)]
    return {"runner_pid": 10, "outcome": "timeout", "stopped_at": 5.0, "events": events,
            "timeline": []}


def _draw(report):
    model = timeline.build(report)
    return model, text_report.timeline_text(model)


def test_a_write_of_millions_of_lines_is_drawn_with_bounded_work():
    """One forged write event of 3.5 million lines (what a scenario can slip into its own event
    log) costs no more than one of a thousand: the timeline shows MAX_MARKS lines of it."""
    (small, drawn), few = _calls(_draw, _report(["hello\n" * 1000]))
    (big, _), many = _calls(_draw, _report(["\n" * 3500000]))
    assert len(big["lanes"][0]["marks"]) == len(small["lanes"][0]["marks"]) == timeline.MAX_MARKS
    assert many <= few * 1.2, (few, many)
    assert "o" in drawn  # the lines printed are drawn


def test_many_writes_of_one_long_line_keep_only_what_the_mark_shows():
    """20000 writes without a newline (8 MB of one line): the line kept for its mark stays
    MAX_DETAIL characters, not the 8 MB joined one write at a time."""
    report = _report(["x" * 400] * 20000)
    model, peak = _peak(timeline.build, report)
    (mark,) = model["lanes"][0]["marks"]
    assert mark[1] == "print" and mark[2]["text"].startswith("xxx") and len(mark[2]["text"]) == timeline.MAX_DETAIL
    assert peak < 1024 * 1024, peak  # the text written is 8 MB


def test_waits_are_capped_per_lane_and_the_one_still_open_is_kept():
    events = []
    for i in range(5000):
        events += [{"t": 1.0 + i / 1000, "pid": 10, "kind": "lock_wait", "lock": "L"},
                   {"t": 1.0 + i / 1000 + 0.0001, "pid": 10, "kind": "lock_acquired", "lock": "L"}]
    events.append({"t": 7.0, "pid": 10, "kind": "lock_wait", "lock": "L"})
    report = {"runner_pid": 10, "outcome": "deadlock", "stopped_at": 8.0, "events": events,
              "timeline": []}
    waits = timeline.build(report)["lanes"][0]["waits"]
    assert len(waits) == timeline.MAX_WAITS + 1
    assert waits[-1][2:] == ["lock", True]  # where it was blocked when stopped


def _appending_notebook(cells, body):
    """A notebook whose first cell writes m.py and whose `cells` next ones append `body` to it."""
    sources = ["%%writefile m.py\n" + body] + ["%%writefile -a m.py\n" + body] * cells
    return json.dumps({"cells": [{"cell_type": "code", "source": s} for s in sources]})


def test_a_module_appended_to_by_many_cells_is_joined_once_and_capped():
    """100000 cells appending to one module (a 16 MB notebook, a 10 MB module): joining them
    keeps no more than the module cap beyond what reading the notebook itself takes (joining
    them one cell at a time held the whole module twice, and copied it once per cell)."""
    data = _appending_notebook(100000, "x" * 99)
    limit = grading.MAX_MODULE_BYTES
    _, parsing = _peak(json.loads, data)
    modules, joining = _peak(notebooks.modules_in, data, "nb.ipynb", limit)
    assert len(modules["m.py"]) == limit + 1  # too large, and known to be
    assert joining - parsing < 4 * limit, (parsing, joining)
    small = notebooks.modules_in(_appending_notebook(2, "y = 1"), "nb.ipynb", limit)
    assert small == {"m.py": "y = 1\n" * 3}  # what a kernel leaves: every append, in order


def test_a_notebook_module_over_the_cap_is_named_too_large(tmp_path, exercises):
    exercise = exercises[0]
    sources = ["%%%%writefile %s\n# %s" % (exercise.filename, "x" * 99)]
    sources += ["%%%%writefile -a %s\n# %s" % (exercise.filename, "x" * 99)] * 20000
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / (exercise.folder + ".ipynb")).write_text(
        json.dumps({"cells": [{"cell_type": "code", "source": s} for s in sources]}))
    submission = submissions.unpack(str(tmp_path / "sub"), [exercise], str(tmp_path / "out"))
    message = submission.missing[exercise.folder]
    assert exercise.filename in message and "1024" in message, message


def _padded_notebook(size):
    """A valid notebook of `size` bytes that writes no module."""
    head = '{"cells": [], "metadata": {"pad": "'
    return head + "a" * (size - len(head) - 3) + '"}}'


def test_a_costly_archive_costs_only_its_own_students_row(tmp_path):
    """A class where one zip holds 300 notebooks of 1 MiB (300 MiB to read), another 50001
    files: each gets its own row naming the archive and why, and the others are graded."""
    from test_cli import mpkit

    root = tmp_path / "class"
    root.mkdir()
    solution = ROOT / "solutions" / "01_process" / "hello_process.py"
    with zipfile.ZipFile(root / "alice.zip", "w") as archive:
        archive.write(solution, "01_process/hello_process.py")
    pad = _padded_notebook(1024 * 1024)
    with zipfile.ZipFile(root / "bomb.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for i in range(300):
            archive.writestr("nb%03d.ipynb" % i, pad)
    with zipfile.ZipFile(root / "many.zip", "w") as archive:
        for i in range(submissions.MAX_LISTED + 1):
            archive.writestr("f/%d.txt" % i, "")
    run = mpkit("grade-batch", str(root), "--state", str(tmp_path / "state"), "--csv",
                str(tmp_path / "grades.csv"), "--exercise", "process", "--start-method", "fork")
    assert "Traceback" not in run.stderr, run.stderr
    rows = {row["student"]: row for row in csv.DictReader((tmp_path / "grades.csv").open())}
    assert rows["alice"]["total"] == "6", rows["alice"]
    assert "bomb.zip" in rows["bomb"]["note"] and "256 MB" in rows["bomb"]["note"], rows["bomb"]
    assert "many.zip" in rows["many"]["note"] and "50000" in rows["many"]["note"], rows["many"]


def test_evidence_that_takes_longer_than_its_budget_is_an_error_of_that_test_only(tmp_path):
    """With a budget of 0 s for judging and drawing a pass's evidence, every test of a correct
    submission overruns it: each is an error that says so, and the run still ends with all of
    them. (The budget is 20 s scaled by MPKIT_TIMEOUT_SCALE; the caps keep real reports far
    below it, so 0 is how a test reaches it.)"""
    from test_cli import mpkit

    out = tmp_path / "results.json"
    run = mpkit("grade", "solutions", "--exercise", "process", "--start-method", "fork",
                "--format", "json", "--output", str(out), env={"MPKIT_EVIDENCE_BUDGET_S": "0"})
    assert "Traceback" not in run.stderr, run.stderr
    tests = json.loads(out.read_text(encoding="utf-8"))["tests"]
    assert len(tests) == 4 and {t["status"] for t in tests} == {"error"}
    assert all("more than the 0 s the grader gives it" in t["message"] for t in tests), tests[0]
    bad = mpkit("grade", "solutions", "--exercise", "process", env={"MPKIT_EVIDENCE_BUDGET_S": "soon"})
    assert bad.returncode == 2 and "MPKIT_EVIDENCE_BUDGET_S" in bad.stderr, bad.stderr


def _caller_writing_while_children_report(writes):
    """Observations of report_all(5) whose caller printed `writes` lines while its five
    children ran report (started, not yet joined)."""
    from grader.judging.observations import Observations

    events = [{"t": 1.0, "pid": 1, "kind": "start", "child": child} for child in range(2, 7)]
    events += [{"t": 2.0 + i / 1e6, "pid": 1, "kind": "write", "stream": "stdout",
                "text": "line\n", "held": ["L"]} for i in range(writes)]
    events += [{"t": 9.0, "pid": 1, "kind": "ended_seen", "child": child} for child in range(2, 7)]
    return Observations({"outcome": "exited", "runner_pid": 1, "events": events}, None, None, "")


def test_the_lock_check_looks_at_each_write_of_the_caller_once():
    """04_lock's check of the caller's writes made while its children report: 10 times the
    writes is about 10 times the work (each write looked at every event before: 100 times)."""
    from grader.judging.checks import lock

    def check(obs):
        reporting = lock._while_reporting(obs, set(range(2, 7)))
        return [w for w in obs.writes() if reporting(w)]

    few_obs, many_obs = _caller_writing_while_children_report(500), _caller_writing_while_children_report(5000)
    few_writes, few = _calls(check, few_obs)
    many_writes, many = _calls(check, many_obs)
    assert len(few_writes) == 500 and len(many_writes) == 5000  # all made while they reported
    assert many <= 12 * few, (few, many)


def test_the_pool_check_finds_how_each_pool_ended_once():
    """10_pool_map's check that every pool was closed and joined: 10 times the pools (events the
    caller's own process can write) is about 10 times the work (each pool looked at every
    pool_end event before: 100 times)."""
    from grader.judging.checks import pool_map
    from grader.judging.observations import Observations

    def observations(pools):
        events = [{"t": 1.0 + i / 1e6, "pid": 1, "kind": "pool", "ident": i, "processes": 4}
                  for i in range(pools)]
        events += [{"t": 2.0 + i / 1e6, "pid": 1, "kind": "pool_end", "ident": i, "how": how}
                   for i in range(pools) for how in ("close", "join")]
        return Observations({"outcome": "exited", "runner_pid": 1, "events": events}, None, None, "")

    record = {"label": "map_in_pool(...)", "processes": []}
    _, few = _calls(pool_map._expect_pool, observations(300), record, 4)
    _, many = _calls(pool_map._expect_pool, observations(3000), record, 4)
    assert many <= 12 * few, (few, many)


def test_a_deep_tree_of_folders_is_not_walked_past_the_budget(tmp_path, monkeypatch, exercises):
    """Folders count with files against MAX_LISTED (lowered here to 100, from 50000): a
    submission of 124 nested and sibling folders is refused, naming it, before it is walked."""
    monkeypatch.setattr(submissions, "MAX_LISTED", 100)
    for i in range(120):
        (tmp_path / "deep" / "a" / "b" / "c" / "d" / ("e%d" % i)).mkdir(parents=True)
    with_too_many = None
    try:
        submissions.unpack(str(tmp_path / "deep"), exercises[:1], str(tmp_path / "out"))
    except submissions.Unreadable as exc:
        with_too_many = str(exc)
    assert with_too_many and "deep" in with_too_many and "100" in with_too_many, with_too_many


def test_reading_a_submission_past_its_time_is_refused_naming_it(tmp_path, monkeypatch, exercises):
    """MAX_UNPACK_S (lowered here to 0, from 60) is checked between the steps of reading."""
    monkeypatch.setattr(submissions, "MAX_UNPACK_S", 0.0)
    with zipfile.ZipFile(tmp_path / "late.zip", "w") as archive:
        archive.writestr("01_process/hello_process.py", "def greet(name):\n    print(name)\n")
    refused = None
    try:
        submissions.unpack(str(tmp_path / "late.zip"), exercises[:1], str(tmp_path / "out"))
    except submissions.Unreadable as exc:
        refused = str(exc)
    assert refused and "late.zip" in refused and "0 seconds" in refused, refused
