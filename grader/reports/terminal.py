"""Writing to a person: colour and a progress bar through rich at a terminal, plain text (no
escape codes at all) when the stream is not a terminal or NO_COLOR is set. Control characters
in a line are shown escaped (grader.reports.escapes): the only escape codes written are rich's.
Lines are broken between words to the terminal's width (grader.reports.wrap)."""
import os
import sys

from grader.reports import wrap
from grader.reports.escapes import shown


def fancy(stream):
    """Whether `stream` gets colour: a terminal, and NO_COLOR not set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def console(stream):
    """A rich Console for `stream`, or None when the output is plain."""
    if not fancy(stream):
        return None
    from rich.console import Console

    return Console(file=stream, highlight=False, soft_wrap=True)


def width(stream=None):
    """The columns of the terminal `stream` (default stdout) shows, or None (a file, a pipe)."""
    return wrap.width(stream or sys.stdout)


def write_lines(pairs, stream=None, columns=None):
    """Write (text, style) pairs, one line each: styled at a terminal, plain elsewhere, each
    line broken between words to `columns` (default: the terminal's width; a file or a pipe
    without COLUMNS set gets the lines whole)."""
    stream = stream or sys.stdout
    columns = columns or wrap.width(stream)
    pairs = [(wrap.fit(shown(line), columns), style) for line, style in pairs]
    rich = console(stream)
    if rich is None:
        stream.write("".join(line + "\n" for line, _ in pairs))
        stream.flush()
        return
    from rich.text import Text

    for line, style in pairs:
        rich.print(Text(line, style=style or ""))


class Progress:
    """A transient progress bar on stderr at a terminal while scenarios are graded; nothing
    anywhere else. Use as a context manager; `advance` is safe from any thread."""

    def __init__(self, total, label, stream=None):
        self.total, self.label, self.stream = total, label, stream or sys.stderr
        self.bar = None

    def __enter__(self):
        rich = console(self.stream)
        if rich is not None and self.total:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn

            self.bar = Bar(TextColumn(self.label), BarColumn(), MofNCompleteColumn(),
                           console=rich, transient=True)
            self.task = self.bar.add_task(self.label, total=self.total)
            self.bar.start()
        return self

    def advance(self, *_):
        if self.bar is not None:
            self.bar.advance(self.task)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False
