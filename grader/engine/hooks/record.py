"""The event log: one JSON-lines file of timestamped events per process
(``MPKIT_EVENTS_DIR/<pid>.jsonl``), what the judge reads, with a budget of its own for the
timeline's events (``TIMELINE_KINDS``) so that they can never crowd out the judge's; the
exceptions a process reports, with a bounded traceback; a stack dump per process on SIGUSR1
(``MPKIT_DUMPS_DIR/<pid>.txt``), where the platform has it; and, in the runner, the processes it
started. A fork child starts a log and a dump file of its own (``_after_fork_in_child``).
"""
import faulthandler
import json
import os
import signal
import time

MAX_EVENTS_PER_PROCESS = 5000
MAX_NOTES_PER_PROCESS = 2000  # timeline events, counted apart from the judge's
TIMELINE_KINDS = frozenset(("lock_wait", "lock_acquired", "lock_gave_up", "lock_release", "put",
                            "get_wait", "get", "send", "recv_wait", "recv"))
MAX_TEXT = 400
TRACEBACK_FRAMES = 40
TRACEBACK_CHAIN = 5

_state = {"pid": None, "fd": None, "count": 0, "notes": 0, "dump_file": None}
started = []  # Process objects the runner started, in order (runner process only)
_TIMELINE = os.environ.get("MPKIT_TIMELINE", "1") != "0"  # 0: no timeline events (bench/timeline.py)


def read_settings():
    """The settings from the environment, read again by install(): a warm runner imported the
    hooks in the zygote, before its scenario's environment was set (engine/warm.py)."""
    global _TIMELINE
    _TIMELINE = os.environ.get("MPKIT_TIMELINE", "1") != "0"


def emit(kind, **data):
    """Append one event to this process's log. Never raises."""
    try:
        pid = os.getpid()
        if _state["pid"] != pid:
            _open_log(pid)
        if _state["fd"] is None:
            return
        _state["count"] += 1
        if _state["count"] > MAX_EVENTS_PER_PROCESS:
            if _state["count"] == MAX_EVENTS_PER_PROCESS + 1:
                kind, data = "events_truncated", {}
            else:
                return
        _append(pid, kind, data)
    except Exception:  # instrumentation must never break the student's program
        pass


def note(kind, at=None, **data):
    """Append one timeline event (a kind of TIMELINE_KINDS), `at` its time if not now, within
    its own budget. Never raises."""
    try:
        pid = os.getpid()
        if _state["pid"] != pid:
            _open_log(pid)
        if _state["fd"] is None or _state["notes"] >= MAX_NOTES_PER_PROCESS:
            return
        _state["notes"] += 1
        _append(pid, kind, data, at, plain=True)
    except Exception:
        pass


def _append(pid, kind, data, at=None, plain=False):
    """`plain`: the data holds only str, int, float, bool and None (json's fast path)."""
    record = {"t": round(time.monotonic() if at is None else at, 6), "pid": pid, "kind": kind}
    record.update(data)
    line = json.dumps(record) if plain else json.dumps(record, default=repr)
    os.write(_state["fd"], (line + "\n").encode("utf-8"))


def _open_log(pid):
    _state.update(pid=pid, count=0, notes=0, fd=None)
    folder = os.environ.get("MPKIT_EVENTS_DIR")
    if folder:
        path = os.path.join(folder, "%d.jsonl" % pid)
        _state["fd"] = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o600)


def _setup_dumps():
    folder = os.environ.get("MPKIT_DUMPS_DIR")
    if not folder or not hasattr(signal, "SIGUSR1"):
        return
    old = _state["dump_file"]
    _state["dump_file"] = open(os.path.join(folder, "%d.txt" % os.getpid()), "w")
    faulthandler.register(signal.SIGUSR1, file=_state["dump_file"], all_threads=True)
    if old is not None:
        old.close()


def _after_fork_in_child():
    _state["pid"] = None
    _state["transfers"] = 0
    del started[:]
    _setup_dumps()
    emit("process", ppid=os.getppid(), how="fork")


def _report(exc, **extra):
    try:
        message = str(exc)[:MAX_TEXT]
    except Exception:
        message = "<unprintable %s>" % type(exc).__name__
    emit("exception", type=type(exc).__name__, message=message,
         traceback=format_bounded(exc)[-8000:], **extra)


def format_bounded(exc, frames=TRACEBACK_FRAMES, chained=TRACEBACK_CHAIN):
    """A traceback of the last `frames` frames. traceback.TracebackException walks the whole
    chain of causes even when told not to print it, which takes seconds for a chain of
    100,000 exceptions: a longer chain than `chained` gets only its last exception."""
    chain, link = 0, exc
    while link is not None and chain <= chained:
        link = link.__cause__ or link.__context__
        chain += 1
    import traceback

    from grader.engine.values import safe_repr

    try:
        if chain <= chained:
            lines = traceback.format_exception(type(exc), exc, exc.__traceback__, limit=-frames)
        else:
            lines = ["Traceback (most recent call last):\n"]
            lines += traceback.format_list(traceback.extract_tb(exc.__traceback__, limit=-frames))
            lines.append("%s: %s\n" % (type(exc).__name__, safe_repr(str(exc), 500)))
    except Exception:
        lines = ["%s: <unprintable>\n" % type(exc).__name__]
    return "".join(lines)[-12000:]
