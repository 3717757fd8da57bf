"""Hostile 01_process: text meant for the trusted side's report readers rather than for the
grader, in what greet prints (the test's output) and in an exception's message (the verdict's
message): terminal escape sequences (clear the screen, OSC 52 writes the clipboard, OSC 8
links, an 8-bit CSI), control characters that XML 1.0 forbids, a line of backticks and a
heading for Markdown, a table cell's `|`, and a <script> for HTML.
Expected: greet failed, run_greeting crashed, and every report shows the text as text."""
from multiprocessing import Process

PAYLOAD = ("\x1b[2J\x1b[H\x1b]52;c;bWFsaWNpb3Vz\x1b\\\x1b]8;;https://example.com/\x1b\\link"
           "\x1b]8;;\x1b\\ \x9b31m\x07\x08 \x00\x01\x0b\x0c\x0e\x1f\x7f \ufffe\uffff\n"
           "```\n"
           "# not a heading | not | a cell |\n"
           "<script>alert(1)</script>\n")


def greet(name):
    print(PAYLOAD)


def child():
    raise ValueError(PAYLOAD)


def run_greeting(name):
    raise ValueError(PAYLOAD)


def start_in_background(target, *args):
    p = Process(target=child)
    p.start()
    return p
