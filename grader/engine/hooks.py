"""Instrumentation inside every process of a graded scenario: the runner and all its children.

``sitecustomize`` installs it at start-up (spawn children and the forkserver included); fork
children inherit it and re-open their own files after the fork. It observes without disturbing
the student's processes: it never reaps a child and never changes what the student's calls
return. What it records:

* one JSON-lines file of timestamped events per process (``MPKIT_EVENTS_DIR/<pid>.jsonl``):
  processes started and joined, child targets begun and ended, exceptions raised in children,
  every write to stdout with the locks the writer held at that moment, SemLocks created;
* a stack dump per process on SIGUSR1 (``MPKIT_DUMPS_DIR/<pid>.txt``), where the platform has it;
* with ``MPKIT_GATE=1``, children of the runner wait at their start until the runner first
  waits on them (join, is_alive, exitcode, sentinel), so reading an exit code before joining is
  caught every time rather than by luck of the scheduler.
"""
import faulthandler
import json
import os
import signal
import sys
import time
import weakref

MAX_EVENTS_PER_PROCESS = 5000
MAX_TEXT = 400
TRACEBACK_FRAMES = 40
TRACEBACK_CHAIN = 5

_state = {"pid": None, "fd": None, "count": 0, "dump_file": None}
_semlocks = weakref.WeakSet()
started = []  # Process objects the runner started, in order (runner process only)
_gates = []  # gates stay referenced: collecting one would unlink it before a child opens it


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
        record = {"t": round(time.monotonic(), 6), "pid": pid, "kind": kind}
        record.update(data)
        os.write(_state["fd"], (json.dumps(record, default=repr) + "\n").encode("utf-8"))
    except Exception:  # instrumentation must never break the student's program
        pass


def _open_log(pid):
    _state.update(pid=pid, count=0, fd=None)
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
    del started[:]
    _setup_dumps()
    emit("process", ppid=os.getppid(), how="fork")


def lock_id(semlock):
    """A lock's identity, equal in every process that shares it (see design notes)."""
    name = semlock._semlock.name
    return name if name else "h%x" % semlock._semlock.handle


def _is_lock(semlock):
    sl = semlock._semlock
    return sl.kind == 0 or sl.maxvalue == 1  # RLock, or Lock / BoundedSemaphore(1)


def held_locks():
    held = []
    for semlock in list(_semlocks):
        try:
            if _is_lock(semlock) and semlock._semlock._is_mine():
                held.append(lock_id(semlock))
        except Exception:
            pass
    return sorted(held)


class WatchedStream:
    """Wraps sys.stdout: records each write and the locks held while it was made."""

    def __init__(self, stream, name):
        self._mpkit_stream = stream
        self._mpkit_name = name

    def write(self, text):
        if isinstance(text, str) and text:
            emit("write", stream=self._mpkit_name, text=text[:MAX_TEXT], held=held_locks())
        return self._mpkit_stream.write(text)

    def __getattr__(self, name):
        return getattr(self._mpkit_stream, name)


def _patch_semlock():
    from multiprocessing import synchronize

    cls = synchronize.SemLock
    init, setstate = cls.__init__, cls.__setstate__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        _semlocks.add(self)
        emit("semlock", id=lock_id(self), name=self._semlock.name, maxvalue=self._semlock.maxvalue)

    def __setstate__(self, state):
        setstate(self, state)
        _semlocks.add(self)

    cls.__init__, cls.__setstate__ = __init__, __setstate__


def target_name(process):
    """What a process runs: `produce`, or `MyProcess.run` for a subclass (start() deletes
    _target, so the name is kept as _mpkit_target when the process starts)."""
    if "_mpkit_target" in process.__dict__:
        return process._mpkit_target
    target = getattr(process, "_target", None)
    if target is None or type(process).run is not _base_run():
        return type(process).__qualname__ + ".run"
    return getattr(target, "__qualname__", None) or repr(target)[:80]


def _base_run():
    from multiprocessing.process import BaseProcess

    return BaseProcess.run


def _is_runner():
    return str(os.getpid()) == os.environ.get("MPKIT_RUNNER_PID")


def _open_gate(process):
    gate = process.__dict__.pop("_mpkit_gate", None)
    if gate is not None:
        gate.set()


def _patch_process():
    import multiprocessing
    from multiprocessing.process import BaseProcess

    start, join, is_alive, bootstrap = (
        BaseProcess.start, BaseProcess.join, BaseProcess.is_alive, BaseProcess._bootstrap)
    exitcode, sentinel = BaseProcess.exitcode, BaseProcess.sentinel

    def patched_start(self):
        self._mpkit_target = target_name(self)
        if _is_runner() and os.environ.get("MPKIT_GATE") == "1":
            method = getattr(self, "_start_method", None)
            self._mpkit_gate = multiprocessing.get_context(method).Event()
            _gates.append(self._mpkit_gate)
        start(self)
        if _is_runner():
            started.append(self)
        emit("start", child=self.pid, target=target_name(self), daemon=bool(self.daemon))

    def patched_join(self, timeout=None):
        emit("join_begin", child=self.pid, timeout=timeout)
        _open_gate(self)
        join(self, timeout)
        emit("join_end", child=self.pid, exitcode=exitcode.fget(self))

    def patched_is_alive(self):
        try:
            return is_alive(self)
        finally:
            _open_gate(self)

    def patched_exitcode(self):
        try:
            return exitcode.fget(self)
        finally:
            _open_gate(self)

    def patched_sentinel(self):
        try:
            return sentinel.fget(self)
        finally:
            _open_gate(self)

    def patched_bootstrap(self, *args, **kwargs):
        gate = self.__dict__.pop("_mpkit_gate", None)
        emit("child_begin", target=target_name(self), parent=os.getppid())
        if gate is not None:
            gate.wait()
        run = self.run

        def watched_run():
            try:
                return run()
            except SystemExit:
                raise
            except BaseException as exc:
                _report(exc)
                raise

        self.run = watched_run
        code = bootstrap(self, *args, **kwargs)
        emit("child_end", exitcode=code)
        return code

    BaseProcess.start, BaseProcess.join, BaseProcess.is_alive = patched_start, patched_join, patched_is_alive
    BaseProcess.exitcode = property(patched_exitcode)
    BaseProcess.sentinel = property(patched_sentinel)
    BaseProcess._bootstrap = patched_bootstrap


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


def _patch_spawn():
    """A spawn or forkserver child that fails before its target starts (it cannot unpickle the
    target, or importing the module starts a process) reports why, instead of a bare exit 1."""
    from multiprocessing import spawn

    main = spawn._main

    def patched_main(*args, **kwargs):
        try:
            return main(*args, **kwargs)
        except SystemExit:
            raise
        except BaseException as exc:
            _report(exc, phase="bootstrap")
            raise

    spawn._main = patched_main


def install():
    """Install every hook in this process (called once, by sitecustomize)."""
    emit("process", ppid=os.getppid(), how="exec", argv=sys.argv[:3])
    _setup_dumps()
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_after_fork_in_child)
    _patch_semlock()
    _patch_process()
    _patch_spawn()
    if sys.stdout is not None and not isinstance(sys.stdout, WatchedStream):
        sys.stdout = WatchedStream(sys.stdout, "stdout")
