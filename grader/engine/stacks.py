"""Tracebacks and stack dumps, trimmed to the student's own frames.

Everything shown to a student goes through here: the grader's, importlib's and
multiprocessing's frames are dropped and machine-specific paths become file names.
"""
import os
import re

_DUMP_FRAME = re.compile(r'^\s*File "(?P<path>.*)", line (?P<line>\d+) in (?P<func>.*)$')
_TB_FRAME = re.compile(r'^  File "(?P<path>.*)", line (?P<line>\d+)(?:, in (?P<func>.*))?$')


def _is_students(path, student_dir):
    return os.path.normcase(os.path.abspath(path)).startswith(
        os.path.normcase(os.path.abspath(student_dir)) + os.sep)


def source_line(sources, path, line):
    """Line `line` of the student's file `path`, from `sources` ({file name: text}): the
    grader's own copy of the submission, taken before the run. The scenario's folder is never
    opened: its files are the scenario's to replace (with a link, a FIFO)."""
    text = (sources or {}).get(os.path.basename(path))
    if not text or line < 1:
        return ""
    lines = text.splitlines()
    return lines[line - 1].strip() if line <= len(lines) else ""


def parse_dump(text):
    """faulthandler output -> list of threads, each a list of (path, line, func), innermost first."""
    threads, current = [], None
    for raw in text.splitlines():
        if raw.startswith(("Thread 0x", "Current thread 0x", "Stack (most recent")):
            current = []
            threads.append(current)
            continue
        match = _DUMP_FRAME.match(raw)
        if match and current is not None:
            current.append((match["path"], int(match["line"]), match["func"].strip()))
    return threads


def where(dump_text, student_dir, sources=None):
    """One entry per thread that runs student code: ``at`` is `file.py:21 in collect: item =
    q.get()` (its innermost student frame), ``waiting_in`` the (file, function) of the library
    call that line made (`process.py join`), or None when the student's own line is the
    innermost. `sources`: the grader's copy of the student's files, for the line's text."""
    found = []
    for frames in parse_dump(dump_text):
        frames = [f for f in _own_frames(frames) if not _is_instrumentation(f[0])]
        for index, (path, line, func) in enumerate(frames):
            if _is_students(path, student_dir):
                at = "%s:%d in %s" % (os.path.basename(path), line, func)
                code = source_line(sources, path, line)
                if code:
                    at += ": " + code
                inner = (_short(frames[index - 1][0]), frames[index - 1][2]) if index > 0 else None
                found.append({"at": at, "waiting_in": inner})
                break
    return found


def _is_instrumentation(path):
    """The grader's own wrappers (patched join, start...) between the student and the library:
    a frame in any module of the hooks package, known by its place in the grader's package
    (grader/engine/hooks/), not by where this copy of the grader is installed."""
    folder = os.path.dirname(os.path.normcase(path)).replace("\\", "/")
    return folder.split("/")[-3:] == _HOOKS


_HOOKS = ["grader", "engine", "hooks"]


def _own_frames(frames):
    """Drop the frames a fork child inherited from its parent: those outside its _bootstrap."""
    for index, frame in enumerate(frames):
        if frame[2] in ("_bootstrap", "patched_bootstrap"):
            return frames[:index]
    return frames


def innermost(dump_text):
    """(file, function) of the main thread's innermost frame, or None."""
    threads = parse_dump(dump_text)
    frames = threads[-1] if threads else []
    return (_short(frames[0][0]), frames[0][2]) if frames else None


def _short(path):
    if _is_instrumentation(path):  # one module to the student, whichever of the package's files
        return "hooks.py"
    parts = path.replace("\\", "/").split("/")
    return "/".join(parts[-2:]) if len(parts) > 1 and parts[-2] == "multiprocessing" else parts[-1]


def trim_traceback(text, student_dir):
    """A Python traceback with only the student's frames, paths shortened to file names."""
    out, keep = [], True
    for raw in text.splitlines():
        match = _TB_FRAME.match(raw)
        if match:
            keep = _is_students(match["path"], student_dir)
            if keep:
                out.append(raw.replace(match["path"], os.path.basename(match["path"])))
            continue
        if raw.startswith("    ") and not keep:
            continue
        keep = True if not raw.startswith(" ") else keep
        out.append(raw)
    return "\n".join(line for line in out if line.strip() or not out).strip()
