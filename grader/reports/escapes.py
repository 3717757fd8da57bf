"""Text a scenario wrote (its output, an exception's message, a file or folder name), made
safe to show: every character a reader would act on rather than show is replaced by the escape
a Python programmer knows (`\\x1b`, `\\r`, `\\x00`), so the student still sees what was written.

What is replaced: the C0 controls (ESC starts the sequences that clear a terminal, write its
clipboard with OSC 52 or make OSC 8 links), DEL, the C1 controls 0x80-0x9f (0x9b is an 8-bit
CSI), and the characters XML 1.0 forbids besides: lone surrogates (a name that is not UTF-8
holds them) and U+FFFE, U+FFFF. Each report's own rules (CSV formulas, Markdown fences, HTML
entities) stay in its module.
"""
import re

_SHOWN_AS = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _escape(match):
    char = match.group()
    code = ord(char)
    if char in _SHOWN_AS:
        return _SHOWN_AS[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode keeps it
        return "\\x%02x" % (code - 0xDC00)
    return "\\x%02x" % code if code < 0x100 else "\\u%04x" % code


def shown(text, keep="\n\t"):
    """`text` with every unsafe character but those in `keep` escaped; a Windows line end
    counts as a newline where newlines are kept."""
    if "\n" in keep:
        text = text.replace("\r\n", "\n")
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)


def name(text):
    """A file or folder name as one line of text: newlines and tabs escaped too."""
    return shown(text, keep="")
