"""Lines fitted to a terminal's width, counted in display cells (a Chinese character takes two
columns): broken between words, or between two Chinese characters (which need no space), never
inside a word. A continued line is indented two more spaces than the line it continues; a word
wider than the whole line is left whole (the terminal folds it)."""
import os
import re

from rich.cells import cell_len

NARROWEST = 40  # a terminal narrower than this is treated as this wide

# wide (East Asian) characters: CJK, Hangul, kana, full-width forms and punctuation
_WIDE = ("\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
         "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6")
_OPENING = "（「『《〈【“‘"  # stays with what follows it
_CLOSING = "，。、；：！？）」』》〉】”’"  # stays with what comes before it
# a run of spaces | a word | one wide character; each with the punctuation that stays with it
_TOKENS = re.compile(r"\s+|[{o}]*[^\s{w}]+[{c}]*|[{o}]*[{w}][{c}]*".format(o=_OPENING, w=_WIDE, c=_CLOSING))


def width(stream):
    """The columns of the terminal `stream` writes to (COLUMNS first, as shutil does), at least
    NARROWEST; None when it is no terminal and COLUMNS is not set (a file, a pipe)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            return None
    return max(NARROWEST, columns) if columns > 0 else None


def fit(block, columns):
    """`block` (lines joined by newlines) with each line broken to at most `columns` cells."""
    if not columns:
        return block
    return "\n".join(piece for line in block.split("\n") for piece in fit_line(line, columns))


def fit_line(line, columns):
    """One line as the lines it breaks into."""
    if cell_len(line) <= columns:
        return [line]
    body = line.lstrip(" ")
    indent = line[:len(line) - len(body)]
    hang = indent + "  "
    out, current, space = [], indent, ""
    for token in _TOKENS.findall(body):
        if token.isspace():
            space = token
            continue
        if current.strip() and cell_len(current) + cell_len(space) + cell_len(token) > columns:
            out.append(current)
            current, space = hang, ""
        current += space + token
        space = ""
    out.append(current)
    return out
