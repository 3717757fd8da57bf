"""What a submission wrote reaches every report as text, never as instructions to the report's
reader: a terminal, an XML parser in CI, a Markdown renderer, a browser.

tests/hostile/report_injection.py prints, and raises with, terminal escape sequences, control
characters that XML 1.0 forbids, a line of backticks, a Markdown heading and table cells, and a
<script>. Each test grades it through the real CLI into one format and reads the result with
that format's reader: the terminal's bytes, xml.etree (expat) and junitparser, markdown-it
(CommonMark), html.parser. The Markdown and HTML feedback of `mpkit grade-batch` also get a
student whose folder name is HTML.
"""
import re
import shutil
import sys
import xml.etree.ElementTree as ElementTree
from html import unescape
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from junitparser import JUnitXml
from markdown_it import MarkdownIt

from conftest import ROOT
from test_cli import mpkit
from test_selfstudy import at_terminal

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the hostile module prints bytes a Windows console would not take")

INJECTION = ROOT / "tests" / "hostile" / "report_injection.py"
SELECTION = ["--exercise", "01_process", "--start-method", "fork"]
# what a terminal acts on: C0 controls but newline and tab, DEL, C1 (0x9b is an 8-bit CSI)
CONTROLS = set(map(chr, list(range(0x20)) + [0x7f] + list(range(0x80, 0xa0)))) - {"\n", "\t"}
# the attack's own sequences, none of which rich writes for its colours and progress bar
ATTACKS = ("\x1b[2J", "\x1b[H", "\x1b]52", "\x1b]8", "\x9b", "\x07", "\x08", "\x00", "\x7f")
SHOWN = "\\x1b[2J"  # what the student sees instead of a cleared screen
SCRIPT = "<script>alert(1)</script>"
HTML_NAME = "<img src=x onerror=alert(1)>"


def _submission(folder):
    (folder / "01_process").mkdir(parents=True)
    shutil.copyfile(INJECTION, folder / "01_process" / "hello_process.py")
    return folder


@pytest.mark.parametrize("where", ["stdout", "file"])
def test_the_text_report_shows_control_characters_as_text(tmp_path, where):
    report = tmp_path / "report.txt"
    done = mpkit("grade", str(_submission(tmp_path / "sub")), *SELECTION,
                 *(["--output", str(report)] if where == "file" else []))
    assert done.returncode == 1, done.stderr
    out = report.read_text(encoding="utf-8") if where == "file" else done.stdout
    assert "ValueError" in out and SHOWN in out, out
    assert not set(out + done.stderr) & CONTROLS, sorted(set(out + done.stderr) & CONTROLS)


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_a_terminal_in_colour_gets_no_escape_sequence_of_the_student(tmp_path):
    """rich's colours and progress bar at a pseudo-terminal, and none of the student's sequences."""
    status, screen = at_terminal(["grade", str(_submission(tmp_path / "sub")), *SELECTION], ROOT,
                                 {"NO_COLOR": ""})
    assert status == 1, screen
    assert "\x1b[" in screen, "no colour: the test did not take rich's path"
    assert SHOWN in screen, screen
    found = [a for a in ATTACKS if a in screen]
    assert not found, found


def test_junit_xml_of_control_characters_is_well_formed(tmp_path):
    report = tmp_path / "junit.xml"
    done = mpkit("grade", str(_submission(tmp_path / "sub")), *SELECTION, "--format", "junit",
                 "--output", str(report))
    assert done.returncode == 1, done.stderr
    ElementTree.parse(str(report))  # expat: XML 1.0's characters only
    cases = {case.name: case for suite in JUnitXml.fromfile(str(report)) for case in suite}
    failure = cases["run_greeting_in_child"].result[0]
    assert "ValueError" in failure.text and SHOWN in failure.text and SCRIPT in failure.text
    assert not set(failure.text) & CONTROLS


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _html(page):
    parser = Tags()
    parser.feed(page)
    return parser.tags, "".join(parser.text)


def test_the_html_report_shows_a_script_as_text(tmp_path):
    page = tmp_path / "report.html"
    done = mpkit("grade", str(_submission(tmp_path / "sub")), *SELECTION, "--html", str(page))
    assert done.returncode == 1, done.stderr
    tags, text = _html(page.read_text(encoding="utf-8"))
    assert "script" not in tags and "img" not in tags
    assert SCRIPT in text and "ValueError" in text


def test_feedback_of_a_class_shows_what_students_wrote_as_text(tmp_path):
    """Markdown: the student's text stays inside its fences, and a name is no HTML; HTML: the
    student's page and the class's index hold no element the student wrote."""
    _submission(tmp_path / "class" / HTML_NAME)
    feedback = tmp_path / "feedback"
    done = mpkit("grade-batch", str(tmp_path / "class"), "--csv", str(tmp_path / "grades.csv"),
                 "--feedback", str(feedback), *SELECTION)
    assert done.returncode == 0, done.stdout + done.stderr
    pages = {p.suffix: p.read_text(encoding="utf-8") for p in feedback.iterdir() if p.name != "index.html"}
    assert set(pages) == {".md", ".html"}
    markdown = MarkdownIt("commonmark")
    tokens = markdown.parse(pages[".md"])
    headings = ["".join(c.content for c in tokens[i + 1].children)
                for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == "Feedback for " + HTML_NAME, headings
    assert not [h for h in headings if "not a heading" in h], headings
    fenced = "".join(t.content for t in tokens if t.type == "fence")
    for written in (SCRIPT, "# not a heading"):  # every time the student wrote it: in a fence
        assert fenced.count(written) == pages[".md"].count(written) > 0, written
    tags, text = _html(markdown.render(pages[".md"]))
    assert "script" not in tags and "img" not in tags, tags
    assert not set(pages[".md"]) & CONTROLS
    for page in (pages[".html"], (feedback / "index.html").read_text(encoding="utf-8")):
        tags, text = _html(page)
        assert "script" not in tags and "img" not in tags, tags
        assert HTML_NAME in text
    links = re.findall(r'href="([^"]+)"', (feedback / "index.html").read_text(encoding="utf-8"))
    assert links and all((feedback / unquote(unescape(link))).is_file() for link in links), links
