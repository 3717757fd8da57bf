"""The report formats of `mpkit grade`, each checked by its reader or schema and against a golden
file free of machine paths and durations: Gradescope's results.json, JUnit XML (read back with
junitparser), the Markdown table (also what `mpkit summary` makes of the JSON results)."""
import json
import os
import re

import jsonschema
import pytest
from junitparser import JUnitXml, Properties

from conftest import ROOT
from test_cli import mpkit

GOLDEN = ROOT / "tests" / "golden"
SCHEMA = json.loads((ROOT / "tests" / "schemas" / "gradescope-results.json").read_text(encoding="utf-8"))
REVERSED = ROOT / "tests" / "corpus" / "wrong" / "02_queue" / "reversed_order.py"


@pytest.fixture(scope="module")
def submission(tmp_path_factory):
    """02_queue returning the items in reverse: some tests pass, hidden ones among the failures."""
    folder = tmp_path_factory.mktemp("submission")
    (folder / "02_queue").mkdir()
    (folder / "02_queue" / "queue_messages.py").write_bytes(REVERSED.read_bytes())
    return folder


def _report(submission, fmt, tmp_path):
    out = tmp_path / ("report." + fmt)
    done = mpkit("grade", str(submission), "--exercise", "queue", "--start-method", "fork",
                 "--format", fmt, "--output", str(out))
    assert done.returncode == 1, done.stderr  # something failed
    return out.read_text(encoding="utf-8")


def _golden(name, text):
    assert "/tmp" not in text and str(ROOT) not in text
    path = GOLDEN / name
    if os.environ.get("MPKIT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_gradescope_results_fit_the_schema_and_hide_hidden_tests(submission, tmp_path):
    results = json.loads(_report(submission, "gradescope", tmp_path))
    jsonschema.validate(results, SCHEMA)
    hidden = [t for t in results["tests"] if t["visibility"] == "after_published"]
    assert [t["name"] for t in hidden] == ["02_queue collect_empty", "02_queue collect_large"]
    assert not any(t["name"].split()[-1] in results["output"] for t in hidden)
    assert [t["number"] for t in results["tests"]] == ["1.%d" % i for i in range(1, 6)]
    assert results["score"] == sum(t["score"] for t in results["tests"])
    shown = [t for t in results["tests"] if t["visibility"] == "visible"]
    # the score counts the hidden tests: the output says how many points they are worth
    assert "%d of %d visible tests passed: %g of %g points." % (
        sum(t["status"] == "passed" for t in shown), len(shown), sum(t["score"] for t in shown),
        sum(t["max_score"] for t in shown)) in results["output"]
    assert "Still hidden: %d more tests, worth %g of the %g points." % (
        len(hidden), sum(t["max_score"] for t in hidden), sum(t["max_score"] for t in results["tests"])) in results["output"]
    results["execution_time"] = 0
    _golden("queue-reversed.gradescope.json", json.dumps(results, ensure_ascii=False, indent=2) + "\n")


def test_junit_xml_reads_back_with_one_testcase_per_test(submission, tmp_path):
    report = _report(submission, "junit", tmp_path)
    (tmp_path / "junit.xml").write_text(report, encoding="utf-8")
    xml = JUnitXml.fromfile(str(tmp_path / "junit.xml"))
    cases = [case for suite in xml for case in suite]
    assert [c.classname for c in cases] == ["02_queue"] * 5
    failed = {c.name: c.result[0] for c in cases if not c.is_passed}
    assert failed and all(r.type == "failed" and r.text.startswith(r.message) for r in failed.values())
    hidden = {c.name for c in cases for p in c.child(Properties) if p.name == "hidden" and p.value == "true"}
    assert hidden == {"collect_empty", "collect_large"}
    _golden("queue-reversed.junit.xml", re.sub(r'time="[0-9.]+"', 'time="0"', report))


def test_markdown_table_and_the_summary_of_json_results_agree(submission, tmp_path):
    table = _report(submission, "markdown", tmp_path)
    _golden("queue-reversed.md", table)
    results = tmp_path / "results.json"
    results.write_text(_report(submission, "json", tmp_path), encoding="utf-8")
    summary = mpkit("summary", str(results))
    assert summary.returncode == 0, summary.stderr
    assert summary.stdout == table



def test_a_chinese_report_speaks_chinese_and_keeps_json_statuses_english(tmp_path):
    """A deadlock of 02_queue under --lang zh: the status names, the large items' call and the
    HTML page's language are Chinese; the JSON results keep their English statuses."""
    from grader.judging.outcomes import STATUSES
    from grader.messages import text

    (tmp_path / "sub" / "02_queue").mkdir(parents=True)
    (tmp_path / "sub" / "02_queue" / "queue_messages.py").write_bytes(
        (ROOT / "tests" / "corpus" / "wrong" / "02_queue" / "join_before_get.py").read_bytes())
    args = ("grade", str(tmp_path / "sub"), "--exercise", "queue", "--start-method", "fork", "--lang", "zh")
    done = mpkit(*args, "--html", str(tmp_path / "report.html"))
    assert done.returncode == 1, done.stderr
    tests = [line.strip() for line in done.stdout.splitlines() if line.startswith("  ") and not line.startswith("   ")]
    shown = {line.rsplit(": ", 1)[-1] for line in tests}
    assert text("status_name_deadlock", lang="zh") in shown and not shown & set(STATUSES), tests
    assert "items of" not in done.stdout and "3000000" in done.stdout  # the call, as code
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<html lang="zh">' in page and text("status_name_deadlock", lang="zh") in page
    assert ">deadlock<" not in page and ">passed<" not in page
    results = json.loads(mpkit(*args, "--format", "json").stdout)
    assert {t["status"] for t in results["tests"]} == {"passed", "deadlock"}
