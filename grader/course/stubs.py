"""Make the student stubs from the reference solutions, the single source (as nbgrader does).

In a solution, each block between ``### BEGIN SOLUTION: <todo>`` and ``### END SOLUTION``
becomes ``# TODO: <todo>`` and ``raise NotImplementedError`` at the block's indentation.
"""
import os
import re

BEGIN = re.compile(r"^(?P<indent>\s*)### BEGIN SOLUTION(?::\s*(?P<todo>.*))?$")
END = re.compile(r"^\s*### END SOLUTION\s*$")
DEFAULT_TODO = "your code here"


class StubError(Exception):
    """A solution's markers are wrong; the message names the file and line."""


def make_stub(source, filename="<solution>"):
    out, inside, opened_at = [], False, 0
    for number, line in enumerate(source.splitlines(keepends=True), 1):
        begin = BEGIN.match(line.rstrip("\n"))
        if begin:
            if inside:
                raise StubError("%s:%d: BEGIN SOLUTION inside the block opened at line %d"
                                % (filename, number, opened_at))
            inside, opened_at = True, number
            indent = begin["indent"]
            out.append("%s# TODO: %s\n" % (indent, (begin["todo"] or DEFAULT_TODO).strip()))
            out.append("%sraise NotImplementedError\n" % indent)
        elif END.match(line):
            if not inside:
                raise StubError("%s:%d: END SOLUTION without a BEGIN SOLUTION" % (filename, number))
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise StubError("%s:%d: BEGIN SOLUTION is never closed by ### END SOLUTION"
                        % (filename, opened_at))
    return "".join(out)


def stub_pairs(root, exercises):
    """(solution path, stub path) for every exercise module."""
    return [(os.path.join(root, "solutions", e.folder, e.filename),
             os.path.join(root, "exercises", e.folder, e.filename)) for e in exercises]


def generate(root, exercises):
    """Write every stub from its solution; returns the paths written."""
    written = []
    for solution, stub in stub_pairs(root, exercises):
        with open(solution, encoding="utf-8") as f:
            text = make_stub(f.read(), solution)
        os.makedirs(os.path.dirname(stub), exist_ok=True)
        with open(stub, "w", encoding="utf-8") as f:
            f.write(text)
        written.append(stub)
    return written
