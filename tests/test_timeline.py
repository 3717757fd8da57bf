"""The timeline of a failing scenario, as a student sees it: the compact text timeline that ends
a deadlock verdict, the self-contained HTML report of `mpkit grade --html` (checked in a real
headless Chromium, with screenshots), the fragment a notebook shows, and the events behind it
(lock, queue and pipe operations recorded in the process that made them)."""
import os
import re
import shutil

import pytest
from rich.cells import cell_len

from conftest import ROOT
from grader import grading
from grader.course import manifest
from grader.messages import text
from grader.reports import html, text as text_report
from test_cli import mpkit
from test_engine import _without_greet

WRONG = ROOT / "tests" / "corpus" / "wrong"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CASES = {"deadlock": WRONG / "04_lock" / "never_released.py",  # the first child keeps the lock
         "interleave": WRONG / "04_lock" / "no_lock.py"}  # every child prints without it


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Each case graded once through the CLI: {case: (text report, HTML report path)}."""
    done = {}
    for case, source in CASES.items():
        folder = tmp_path_factory.mktemp(case)
        (folder / "sub" / "04_lock").mkdir(parents=True)
        shutil.copyfile(str(source), str(folder / "sub" / "04_lock" / "locked_output.py"))
        report = folder / "report.html"
        run = mpkit("grade", str(folder / "sub"), "--exercise", "lock", "--start-method", "fork",
                    "--html", str(report))
        assert run.returncode == 1, run.stdout + run.stderr
        done[case] = (run.stdout, report)
    return done


def _timeline_after(report, test):
    """The text timeline printed under `test`'s verdict: its lanes and its legend."""
    section = report.split("FAIL %s:" % test, 1)[1].split("\n  FAIL ", 1)[0].split("\n      output:")[0]
    block = section.split("Timeline, one line per process", 1)[1]
    lines = block.splitlines()[1:]
    lanes = [line for line in lines if "|" in line]
    legend = [line for line in lines[len(lanes):] if line.strip()]
    return lanes, legend


def test_a_deadlock_ends_with_a_text_timeline_of_every_process(graded):
    report, _ = graded["deadlock"]
    assert "report_all_locked: deadlock" in report
    lanes, legend = _timeline_after(report, "report_all_locked")
    assert len(lanes) == 6  # the caller and its five children
    assert all(len(line) <= 100 for line in lanes + legend)
    assert lanes[0].strip().startswith("caller (pid") and lanes[0].rstrip().endswith("blocked")
    bars = [line.split("|")[1] for line in lanes[1:]]
    ended = [line for line in lanes[1:] if line.rstrip().endswith("exit 0")]
    assert len(ended) == 1 and "L" in ended[0].split("|")[1]  # took the lock and kept it
    waiting = [bar for bar, line in zip(bars, lanes[1:]) if line.rstrip().endswith("blocked")]
    assert len(waiting) == 4 and all(re.search(r"w#+", bar) for bar in waiting)
    assert legend[0].startswith("      Legend: ") and "w found the lock taken" in " ".join(legend)


@pytest.fixture(scope="module")
def narrow(tmp_path_factory):
    """The deadlock graded through the CLI in an 80-column terminal: {lang: text report}."""
    done = {}
    for lang in ("en", "zh"):
        folder = tmp_path_factory.mktemp("narrow-" + lang)
        (folder / "04_lock").mkdir()
        shutil.copyfile(str(CASES["deadlock"]), str(folder / "04_lock" / "locked_output.py"))
        run = mpkit("grade", str(folder), "--exercise", "lock", "--start-method", "fork", "--lang", lang,
                    env={"COLUMNS": "80"})
        assert run.returncode == 1, run.stdout + run.stderr
        done[lang] = run.stdout
    return done


def _timelines(report):
    """The lanes of each timeline of a report: runs of lines 'label |bar| status'."""
    blocks, block = [], []
    for line in report.splitlines() + [""]:
        if re.match(r"\s+\S.* \|[^|]*\| \S", line):
            block.append(line)
        elif block:
            blocks, block = blocks + [block], []
    return blocks


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_at_80_columns_lines_break_between_words_and_the_lanes_line_up(narrow, lang):
    report = narrow[lang]
    assert all(cell_len(line) <= 80 for line in report.splitlines()), report
    hint = text("lock_deadlock_hint", lang=lang)
    if lang == "en":  # a word broken in two would show here as two words
        assert " ".join(hint.split()) in " ".join(report.split()), report
    else:  # Chinese breaks between any two characters, but never inside an English word
        assert "".join(hint.split()) in "".join(report.split()) and "`with lock:`" in report
    timelines = _timelines(report)
    assert timelines and all(len(lanes) == 6 for lanes in timelines), report
    for lanes in timelines:  # each bar begins and ends in the same display column in every lane
        bars = {(cell_len(line.split("|")[0]), cell_len("|".join(line.split("|")[:2]))) for line in lanes}
        assert len(bars) == 1, "\n".join(lanes)


def test_a_timeline_too_narrow_to_draw_is_a_sentence(exercises, tmp_path):
    verdict = _one(exercises, "04_lock", CASES["deadlock"], "locked_output.py", "report_all_locked", tmp_path)
    assert verdict.status == "deadlock"
    wide = text_report.timeline_text(verdict.timeline, 74)
    assert len(_timelines("  " + wide.replace("\n", "\n  "))[0]) == 6
    narrow = text_report.timeline_text(verdict.timeline, 34)
    assert "|" not in narrow and "--html" in narrow and all(cell_len(line) <= 34 for line in narrow.splitlines())


def test_a_verdict_that_is_not_a_hang_keeps_its_text_report_short(graded):
    report, _ = graded["interleave"]
    assert "report_all_locked: failed" in report and "Timeline" not in report


def test_the_html_report_is_one_self_contained_file(graded):
    for case, (_, path) in graded.items():
        page = path.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        for outside in ("<script", "<link", "src=", "@import", "url(http", "href=\"http"):
            assert outside not in page, (case, outside)
        failing = page.count("<details class=\"failure\"")
        assert failing >= 2 and page.count("<svg class=\"timeline-svg\"") == failing
    page = graded["deadlock"][1].read_text(encoding="utf-8")
    assert page.count("blocked at locked_output.py:7 in report: lock.acquire()") >= 8


def test_a_notebook_gets_the_timeline_of_a_failing_test_only(exercises, tmp_path):
    by_name = _graded(exercises, "04_lock", CASES["interleave"], "locked_output.py",
                      ("report_all_lines", "report_all_locked"), tmp_path)
    assert by_name["report_all_lines"].passed and html.timeline_fragment(by_name["report_all_lines"]) == ""
    fragment = html.timeline_fragment(by_name["report_all_locked"])
    assert fragment.startswith("<div class=\"mpkit\"><style>") and fragment.count("<g class=\"lane\"") == 6
    assert fragment.count("mark mark-print_nolock") == 5  # each child's line, printed without the lock
    style = fragment.split("<style>", 1)[1].split("</style>", 1)[0]
    selectors = [part.strip() for rule in re.findall(r"([^{}]+)\{", re.sub(r"/\*.*?\*/", "", style))
                 for part in rule.split(",")]
    assert selectors and all(s.startswith(".timeline") for s in selectors), selectors  # the notebook's own look stays


def _graded(exercises, exercise, source, module, scenarios, tmp_path):
    """{scenario: verdict} of `source` graded as the exercise's module, under fork."""
    found = manifest.find(exercises, exercise)
    (tmp_path / found.folder).mkdir()
    shutil.copyfile(str(source), str(tmp_path / found.folder / module))
    jobs = [j for j in grading.plan(str(tmp_path), [found], ["fork"]) if j.scenario.name in scenarios]
    return {v.name: v for v in grading.run_jobs(jobs, 1)}


def _one(exercises, exercise, source, module, scenario, tmp_path):
    return _graded(exercises, exercise, source, module, (scenario,), tmp_path)[scenario]


def _marks(lane, kind):
    return [m for m in lane["marks"] if m[1] == kind]


def test_queue_puts_and_gets_are_marked_in_the_process_that_made_them(exercises, tmp_path):
    verdict = _one(exercises, "02_queue", WRONG / "02_queue" / "reversed_order.py", "queue_messages.py",
                   "collect_tutorial", tmp_path)
    assert verdict.status == "failed"
    caller, child = verdict.timeline["lanes"][:2]
    assert caller["role"] == "caller" and child["target"] == "produce"
    puts, gets = _marks(child, "put"), _marks(caller, "get")
    queue = puts[0][2].split()[0] if puts else None  # collect_tutorial calls collect twice: two queues
    same_queue = [g for g in gets if g[2].split()[0] == queue]
    assert puts and len(puts) == len(same_queue) and not _marks(caller, "put") and not _marks(child, "get")
    assert puts[-1][2].endswith("'STOP'") and gets[-1][2].endswith("'STOP'")
    assert {w[2] for w in caller["waits"]} >= {"get", "join"}


def test_a_receiver_left_waiting_in_recv_is_shown_blocked_there(exercises, tmp_path):
    verdict = _one(exercises, "03_pipe", WRONG / "03_pipe" / "parent_keeps_sender.py", "one_way_pipe.py",
                   "receive_all_tutorial", tmp_path)
    assert verdict.status == "deadlock"
    caller = verdict.timeline["lanes"][0]
    senders = [lane for lane in verdict.timeline["lanes"] if _marks(lane, "send")]
    assert senders and len(_marks(senders[0], "send")) == len(_marks(caller, "recv"))
    assert [w[2] for w in caller["waits"] if w[3]] == ["recv"]  # still waiting when stopped
    assert caller["blocked"].startswith("one_way_pipe.py:")


def test_a_deadlock_in_a_graded_pytest_test_has_its_timeline(exercises, tmp_path):
    """02_queue's tests are plain pytest tests, whose reading of a pass raises the deadlock's
    verdict: the classic one (join before draining a queue of large items) is drawn all the same."""
    verdict = _one(exercises, "02_queue", WRONG / "02_queue" / "join_before_get.py", "queue_messages.py",
                   "collect_large", tmp_path)
    assert verdict.status == "deadlock"
    caller, child = verdict.timeline["lanes"][:2]
    assert [w[2] for w in caller["waits"] if w[3]] == ["join"]  # still in join() when stopped
    assert caller["blocked"].startswith("queue_messages.py:")
    assert child["target"] == "produce" and _marks(child, "put")


def test_a_busy_loop_at_the_time_out_is_drawn_running_not_blocked(submit, monkeypatch):
    """The message says the child was running code when the time was up: so does its lane."""
    monkeypatch.setenv("MPKIT_TIMEOUT_SCALE", "0.3")
    source = _without_greet("def greet(name):\n    while True:\n        pass\n")
    verdict = submit("01_process", source)("fork", ["run_greeting_in_child"])["run_greeting_in_child"]
    assert verdict.status == "timeout" and text("activity_running") in verdict.message
    caller, child = verdict.timeline["lanes"][:2]
    assert child["target"] == "greet" and child["running"] and child["busy"]
    assert not any(w[3] for w in child["waits"]) and [w[2] for w in caller["waits"] if w[3]] == ["join"]
    rows = {line.split("(pid")[0].strip(): line for line in text_report.timeline_text(verdict.timeline).splitlines()
            if "|" in line}
    assert rows["greet"].rstrip().endswith(text("tl_running")) and "=" in rows["greet"]
    assert "#" not in rows["greet"] and rows[text("tl_caller")].rstrip().endswith(text("tl_blocked"))
    page = html.timeline_fragment(verdict)
    assert page.count("class=\"busy\"") == 1 and text("tl_sym_busy") in page


def _browser():
    """Playwright driving Debian's Chromium, or a reason to skip."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("no browser: %s is missing (apt-get install chromium; .ci/run installs it)" % CHROMIUM)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (it is in the dev extra)")
    return sync_playwright


def test_the_report_renders_lanes_and_marks_in_a_browser(graded, tmp_path):
    sync_playwright = _browser()
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            for case, (_, path) in graded.items():
                page.goto(path.as_uri())
                failure = page.locator("details.failure", has_text="report_all_locked")
                svg = failure.locator("svg.timeline-svg")
                box = svg.bounding_box()
                assert box and box["width"] > 600 and box["height"] > 200, case
                lanes = svg.locator("g.lane")
                assert lanes.count() == 6, case
                for index in range(lanes.count()):
                    label = lanes.nth(index).locator("text.lane-label").bounding_box()
                    assert label and label["width"] > 40 and box["y"] <= label["y"] <= box["y"] + box["height"]
                marks = svg.locator("g.mark")
                assert marks.count() >= 10, case
                for index in range(marks.count()):
                    mark = marks.nth(index).bounding_box()
                    assert mark and mark["width"] > 8 and box["x"] <= mark["x"] <= box["x"] + box["width"]
                if case == "deadlock":
                    blocked = svg.locator("rect.blocked")
                    assert blocked.count() == 5 and all(
                        blocked.nth(i).bounding_box()["width"] > 5 for i in range(5))
                else:
                    assert svg.locator("g.mark-print_nolock").count() == 5
                failure.screenshot(path=str(tmp_path / ("%s.png" % case)))
                page.screenshot(path=str(tmp_path / ("%s-page.png" % case)), full_page=True)
        finally:
            browser.close()
    assert all((tmp_path / ("%s.png" % case)).stat().st_size > 10000 for case in CASES)


def test_an_html_report_that_cannot_be_written_is_refused_before_grading(tmp_path):
    run = mpkit("grade", "solutions", "--exercise", "process", "--html", str(tmp_path / "no" / "r.html"))
    assert run.returncode == 2 and "--html" in run.stderr and "does not exist" in run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""
