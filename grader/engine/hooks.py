"""Instrumentation inside every process of a graded scenario: the runner and all its children.

``sitecustomize`` installs it at start-up (spawn children and the forkserver included); fork
children inherit it and re-open their own files after the fork. It observes without disturbing
the student's processes: it never reaps a child and never changes what the student's calls
return. What it records:

* one JSON-lines file of timestamped events per process (``MPKIT_EVENTS_DIR/<pid>.jsonl``):
  processes started and joined, child targets begun and ended, exceptions raised in children,
  every write to stdout with the locks the writer held at that moment, SemLocks created;
* which process executed each function of the student's module (``ran``: the function's own
  code starting in that pid, seen by a trace hook, never inferred from who printed);
* every object multiprocessing pickles to send (``sent``) or unpickles on receipt
  (``received``), with a digest of the bytes and of the value, so the judge can tell which
  process an item came from;
* an identity for every lock, made where the lock is created and carried with it across fork
  and pickling, so two locks never look alike whatever the start method;
* ``terminate()`` and ``kill()`` calls, so a process the student ended is not called a crash;
* for the timeline of a failing scenario (``TIMELINE_KINDS``, a budget of their own so they can
  never crowd out what the judge reads): the student's locks acquired, waited for and
  released, queue puts and gets, pipe sends and receives (made by code outside
  multiprocessing itself, so a Queue's or a Manager's own traffic is left out);
* in the caller, each sentinel-like object put on a Queue, at the moment of the put;
* each way a process reads or writes a synchronized Value, with whether it held the Value's
  own lock at that moment; each element a process writes into a synchronized Array, with its
  value;
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

from grader.engine import shake

MAX_EVENTS_PER_PROCESS = 5000
MAX_NOTES_PER_PROCESS = 2000  # timeline events, counted apart from the judge's
TIMELINE_KINDS = frozenset(("lock_wait", "lock_acquired", "lock_gave_up", "lock_release", "put",
                            "get_wait", "get", "send", "recv_wait", "recv"))
MAX_TEXT = 400
TRACEBACK_FRAMES = 40
TRACEBACK_CHAIN = 5

_state = {"pid": None, "fd": None, "count": 0, "notes": 0, "dump_file": None}
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


def lock_id(semlock):
    """A lock's identity: made where the lock was created (pid and a count), and carried with
    it to every process that shares it, by fork or by pickling. Handles and names are not
    enough: locks that different forked children create can share a handle."""
    ident = semlock.__dict__.get("_mpkit_id")
    if ident:
        return ident
    name = semlock._semlock.name
    return name if name else "h%x" % semlock._semlock.handle


_lock_count = [0]


def _new_lock_id():
    _lock_count[0] += 1
    return "L%d.%d" % (os.getpid(), _lock_count[0])


def _is_lock(semlock):
    sl = semlock._semlock
    return sl.kind == 0 or sl.maxvalue == 1  # RLock, or Lock / BoundedSemaphore(1)


_proxies_held = {}  # {pid: {manager lock id: depth}}: locks of a Manager this process holds


def held_locks():
    held = [ident for ident, depth in _proxies_held.get(os.getpid(), {}).items() if depth > 0]
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
            shake.pause("write")
        return self._mpkit_stream.write(text)

    def __getattr__(self, name):
        return getattr(self._mpkit_stream, name)


def _patch_semlock():
    from multiprocessing import synchronize

    cls = synchronize.SemLock
    init, getstate, setstate = cls.__init__, cls.__getstate__, cls.__setstate__
    make_methods, enter, leave = cls._make_methods, cls.__enter__, cls.__exit__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self._mpkit_id = _new_lock_id()
        if isinstance(self, synchronize.Semaphore) and _student_semaphore():
            watch_semaphore(self)
        _semlocks.add(self)
        watched = lock_id(self).startswith(_WATCHED)  # a student's Semaphore: its own watch
        if (_TIMELINE or shake.ON) and not watched and _is_lock(self) and not _made_by_library():
            self._mpkit_watch = True
            self._make_methods()
        emit("semlock", id=lock_id(self), name=self._semlock.name, maxvalue=self._semlock.maxvalue,
             value=args[1] if len(args) > 1 else kwargs.get("value"))

    def __getstate__(self):
        return (_LOCK_STATE, getstate(self), self.__dict__.get("_mpkit_id"),
                bool(self.__dict__.get("_mpkit_watch")))

    def __setstate__(self, state):
        ident, watch = None, False
        if isinstance(state, tuple) and len(state) == 4 and state[0] == _LOCK_STATE:
            state, ident, watch = state[1], state[2], state[3] is True
        setstate(self, state)
        if ident:
            self._mpkit_id = ident
            if ident.startswith(_WATCHED):
                _watch_methods(self)
        if watch:
            self._mpkit_watch = True
            self._make_methods()
        _semlocks.add(self)

    def _make_methods(self):
        make_methods(self)
        if self.__dict__.get("_mpkit_watch"):
            self.acquire, self.release = _watched_methods(self)

    def __enter__(self):
        if self.__dict__.get("_mpkit_watch"):
            return self.acquire()
        return enter(self)

    def __exit__(self, *args):
        if self.__dict__.get("_mpkit_watch"):
            return self.release()
        return leave(self, *args)

    cls.__init__, cls.__getstate__, cls.__setstate__ = __init__, __getstate__, __setstate__
    cls._make_methods, cls.__enter__, cls.__exit__ = _make_methods, __enter__, __exit__
    semaphore = synchronize.Semaphore
    sem_enter, sem_exit = semaphore.__enter__, semaphore.__exit__

    def patched_enter(self):
        return self.acquire() if lock_id(self).startswith(_WATCHED) else sem_enter(self)

    def patched_exit(self, *exc):
        return self.release() if lock_id(self).startswith(_WATCHED) else sem_exit(self, *exc)

    semaphore.__enter__, semaphore.__exit__ = patched_enter, patched_exit


_WATCHED = "S"  # the identity of a watched Semaphore starts with it, in every process
_sems_held = {}  # {pid: {semaphore id: depth}}: watched semaphores this process holds


def _student_semaphore():
    """Whether the Semaphore being made was asked for by the student's code itself (not by a
    Queue, an Event or a Condition, which make semaphores of their own)."""
    from multiprocessing import context, synchronize

    folder = _student_dir()
    frame = sys._getframe(2)
    while frame is not None and folder:
        path = frame.f_code.co_filename
        if path == synchronize.__file__:
            if not isinstance(frame.f_locals.get("self"), synchronize.Semaphore):
                return False
        elif path != context.__file__:
            return _in_folder(path, folder)
        frame = frame.f_back
    return False


def watch_semaphore(semaphore):
    """Record each acquire and release of `semaphore` in every process that shares it, and which
    watched semaphores a process holds (held_semaphores)."""
    ident = lock_id(semaphore)
    if not ident.startswith(_WATCHED):
        semaphore._mpkit_id = _WATCHED + ident
    _watch_methods(semaphore)


def _watch_methods(semaphore):
    acquire, release = semaphore._semlock.acquire, semaphore._semlock.release
    ident = lock_id(semaphore)

    def note(change):
        held = _sems_held.setdefault(os.getpid(), {})
        held[ident] = held.get(ident, 0) + change

    def watched_acquire(block=True, timeout=None):
        shake.pause("acquire")
        got = acquire(block, timeout)
        if got:
            note(1)
            emit("sem_acquired", id=ident)
        return got

    def watched_release():
        emit("sem_released", id=ident)
        note(-1)
        try:
            return release()
        finally:
            shake.pause("release")

    semaphore.acquire, semaphore.release = watched_acquire, watched_release


def held_semaphores():
    return sorted(ident for ident, depth in _sems_held.get(os.getpid(), {}).items() if depth > 0)




_TIMELINE = os.environ.get("MPKIT_TIMELINE", "1") != "0"  # 0: no timeline events (bench/timeline.py)
_MP_DIR = os.path.dirname(os.path.abspath(__import__("multiprocessing").__file__)) + os.sep
_HERE = os.path.abspath(__file__)


def _made_by_library():
    """Whether the lock being made is multiprocessing's own (a Queue's, a Condition's, a Pool's):
    the code that called the context's Lock() or RLock() (or the class itself) is in
    multiprocessing."""
    frame = sys._getframe(2)
    while frame is not None:
        path, name = frame.f_code.co_filename, frame.f_code.co_name
        if path.startswith(_MP_DIR) and path.endswith("context.py") and name in _LOCK_MAKERS:
            maker = frame.f_back
            return maker is None or maker.f_code.co_filename.startswith(_MP_DIR)
        if path != _HERE and not (path.startswith(_MP_DIR) and path.endswith("synchronize.py")
                                  and name == "__init__"):
            return path.startswith(_MP_DIR)
        frame = frame.f_back
    return True


_LOCK_MAKERS = ("Lock", "RLock", "BoundedSemaphore")


def _by_library():
    """Whether the caller of the caller is multiprocessing itself (a Manager's connection, a
    Pool's queue): its traffic is not the student's."""
    return sys._getframe(2).f_code.co_filename.startswith(_MP_DIR)


def _watched_methods(lock):
    """acquire and release of a lock the student made, noting when it was taken, when the
    caller had to wait for it (a first try without blocking failed) and when it was given back."""
    semlock = lock._semlock
    raw_acquire, raw_release = semlock.acquire, semlock.release
    ident = lock_id(lock)

    def acquire(block=True, timeout=None):
        shake.pause("acquire")
        if raw_acquire(False):
            note("lock_acquired", lock=ident)
            return True
        if not block:
            return False
        note("lock_wait", lock=ident)
        got = raw_acquire(True, timeout)
        note("lock_acquired" if got else "lock_gave_up", lock=ident)
        return got

    def release():
        at = time.monotonic()  # before another process can take it
        raw_release()
        note("lock_release", at=at, lock=ident)
        shake.pause("release")

    return acquire, release


_LOCK_STATE = "mpkit-lock"


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


def _has_target(process):
    """Whether the process has something to run: a callable target, or a run() of its own."""
    return callable(getattr(process, "_target", None)) or type(process).run is not _base_run()


def _method_of(process):
    """The start method in effect for this process: its Popen's, else its context's, else the
    default (which a student's own set_start_method changes)."""
    method = getattr(getattr(process, "_popen", None), "method", None) or getattr(process, "_start_method", None)
    if method:
        return method
    import multiprocessing

    return multiprocessing.get_start_method(allow_none=True)


def _called_by_student():
    """Whether the function calling the caller of this is the student's code (not a Pool's or a
    Manager's own threads)."""
    folder = _student_dir()
    return bool(folder) and _in_folder(sys._getframe(2).f_code.co_filename, folder)


def _student_module_frame():
    """'file.py:line' when the caller is the top level of a student's module being imported
    (code outside any function, run again by every spawn child that imports the module)."""
    folder = _student_dir()
    frame = sys._getframe(2)
    while folder and frame is not None:
        code = frame.f_code
        # a file run as the main module (a script) is not being imported: its children are
        if code.co_name == "<module>" and _in_folder(code.co_filename, folder) \
                and frame.f_globals.get("__name__") != "__main__":
            return "%s:%d" % (os.path.basename(code.co_filename), frame.f_lineno)
        frame = frame.f_back
    return None


PLAIN_TYPES = (type(None), bool, int, float, complex, str, bytes)
MAX_GLOBALS = 50


def _plain(value, depth=0):
    """Whether a value is plain data whose repr shows all of it (a number, a string, a small
    list, tuple, set or dict of them)."""
    if isinstance(value, PLAIN_TYPES):
        return True
    if depth < 2 and isinstance(value, (list, tuple, set, frozenset)) and len(value) <= 20:
        return all(_plain(item, depth + 1) for item in value)
    if depth < 2 and isinstance(value, dict) and len(value) <= 20:
        return all(_plain(k, depth + 1) and _plain(v, depth + 1) for k, v in value.items())
    return False


def target_globals(process):
    """{name: repr} of the plain module-level values of the student's module the process's
    target (or Process subclass) comes from, as they are in this process now: the parent's
    at start(), the child's when it begins. None when the target is not the student's."""
    try:
        target = getattr(process, "_target", None)
        owner = type(process) if target is None or type(process).run is not _base_run() else target
        owner = getattr(owner, "func", owner)  # functools.partial
        module = sys.modules.get(getattr(owner, "__module__", None) or "")
        path, folder = getattr(module, "__file__", None), _student_dir()
        if not (path and folder and _in_folder(path, folder)):
            return None
        found = {}
        for name, value in list(vars(module).items()):
            if not name.startswith("__") and _plain(value) and len(found) < MAX_GLOBALS:
                found[name] = repr(value)[:MAX_TEXT]
        return found
    except Exception:  # instrumentation must never break the student's program
        return None


def _open_gate(process):
    gate = process.__dict__.pop("_mpkit_gate", None)
    if gate is not None:
        gate.set()


def _patch_process():
    import multiprocessing
    from multiprocessing.process import BaseProcess

    start, join, is_alive, bootstrap = (
        BaseProcess.start, BaseProcess.join, BaseProcess.is_alive, BaseProcess._bootstrap)
    terminate, kill = BaseProcess.terminate, getattr(BaseProcess, "kill", BaseProcess.terminate)
    exitcode, sentinel = BaseProcess.exitcode, BaseProcess.sentinel

    def patched_start(self):
        self._mpkit_target = target_name(self)
        if _is_runner() and os.environ.get("MPKIT_GATE") == "1":
            method = getattr(self, "_start_method", None)
            self._mpkit_gate = multiprocessing.get_context(method).Event()
            _gates.append(self._mpkit_gate)
        about = {"target": target_name(self), "has_target": _has_target(self),
                 "at_import": _student_module_frame()}
        known = target_globals(self)
        try:
            start(self)
        except BaseException as exc:
            emit("start_failed", method=_method_of(self), error=type(exc).__name__, **about)
            raise
        if _is_runner():
            started.append(self)
        emit("start", child=self.pid, daemon=bool(self.daemon), method=_method_of(self),
             globals=known, **about)
        shake.pause("started")

    def patched_terminate(self):
        emit("terminate", child=self.pid, how="terminate")
        terminate(self)

    def patched_kill(self):
        emit("terminate", child=self.pid, how="kill")
        kill(self)

    def seen_ended(process, code):
        """The first time this process learns that a child has ended (join, is_alive(),
        exitcode): from then on, in its own order of events, the child cannot act."""
        if code is not None and not process.__dict__.get("_mpkit_seen_ended"):
            process._mpkit_seen_ended = True
            emit("ended_seen", child=process.pid, exitcode=code)

    def patched_join(self, timeout=None):
        emit("join_begin", child=self.pid, timeout=timeout)
        _open_gate(self)
        shake.pause("join")
        join(self, timeout)
        code = exitcode.fget(self)
        emit("join_end", child=self.pid, exitcode=code)
        seen_ended(self, code)

    def patched_is_alive(self):
        try:
            alive = is_alive(self)
            if not alive and getattr(self, "_popen", None) is not None:
                seen_ended(self, exitcode.fget(self))
            return alive
        finally:
            _open_gate(self)

    def patched_exitcode(self):
        try:
            code = exitcode.fget(self)
            seen_ended(self, code)
            return code
        finally:
            _open_gate(self)

    def patched_sentinel(self):
        try:
            return sentinel.fget(self)
        finally:
            _open_gate(self)

    def patched_bootstrap(self, *args, **kwargs):
        gate = self.__dict__.pop("_mpkit_gate", None)
        emit("child_begin", target=target_name(self), parent=os.getppid(), globals=target_globals(self))
        shake.pause("start", name=self.name)
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
        forced = os.environ.get("MPKIT_CHILD_EXIT")
        if forced and code == 0 and str(getattr(self, "_parent_pid", "")) == os.environ.get("MPKIT_RUNNER_PID"):
            code = int(forced)  # the scenario asks the caller's children to end with this code
        emit("child_end", exitcode=code)
        return code

    BaseProcess.start, BaseProcess.join, BaseProcess.is_alive = patched_start, patched_join, patched_is_alive
    BaseProcess.terminate, BaseProcess.kill = patched_terminate, patched_kill
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


# -- what ran where ---------------------------------------------------------------------------
_ran = set()  # (pid, code object) already reported


def _student_dir():
    folder = os.environ.get("MPKIT_STUDENT_DIR")
    return os.path.normcase(os.path.abspath(folder)) + os.sep if folder else None


def _in_folder(path, folder):
    return os.path.normcase(path).startswith(folder)


def _note_code(code):
    key = (os.getpid(), code)
    if key not in _ran:
        _ran.add(key)
        emit("ran", function=getattr(code, "co_qualname", code.co_name),
             file=os.path.basename(code.co_filename), line=code.co_firstlineno)


def _install_tracer():
    """Report the first time each function of the student's folder starts in this process.
    Python 3.12+: sys.monitoring, switched off for every other code object after its first
    start; before: a global trace function that returns at once for other code."""
    folder = _student_dir()
    if not folder:
        return
    monitoring = getattr(sys, "monitoring", None)
    if monitoring is not None:
        tool = 4
        try:
            monitoring.use_tool_id(tool, "mpkit")
        except ValueError:  # taken already (installed twice)
            return

        def on_start(code, offset):
            if _in_folder(code.co_filename, folder):
                _note_code(code)
                return None
            return monitoring.DISABLE

        monitoring.register_callback(tool, monitoring.events.PY_START, on_start)
        monitoring.set_events(tool, monitoring.events.PY_START)
        return
    import threading

    def tracer(frame, event, arg):
        code = frame.f_code
        if _in_folder(code.co_filename, folder):
            _note_code(code)
        return None

    sys.settrace(tracer)
    threading.settrace(tracer)


MAX_TRANSFERS = 1000
MAX_ITEMS = 50  # of a list or tuple sent whole (a manager's reply)


def _transfer(kind, obj, data):
    """One pickled object sent, or received, by this process."""
    try:
        _state["transfers"] = _state.get("transfers", 0) + 1
        if _state["transfers"] > MAX_TRANSFERS:
            return
        import hashlib

        from grader.engine.values import digest

        sequence = isinstance(obj, (list, tuple))
        extra = {}
        if kind == "received" and _is_runner():  # which objects arrived, to follow them to the result
            extra["ids"] = [id(obj)] + ([id(item) for item in obj[:MAX_ITEMS]] if sequence else [])
        emit(kind, bytes=hashlib.sha256(bytes(data)).hexdigest()[:24], value=digest(obj),
             type=type(obj).__name__, items=[digest(item) for item in obj[:MAX_ITEMS]] if sequence else None,
             **extra)
    except Exception:
        pass


def _patch_pickler():
    """Queues, pipes and managers all pickle through ForkingPickler.dumps and loads."""
    from multiprocessing import reduction

    pickler = reduction.ForkingPickler
    dumps, loads = pickler.dumps.__func__, pickler.loads

    def patched_dumps(cls, obj, protocol=None):
        data = dumps(cls, obj, protocol)
        _transfer("sent", obj, data)
        return data

    def patched_loads(data, *args, **kwargs):
        obj = loads(data, *args, **kwargs)
        _transfer("received", obj, data)
        return obj

    pickler.dumps = classmethod(patched_dumps)
    pickler.loads = staticmethod(patched_loads)


def _patch_receiving():
    """In the caller, the ways of giving up on receiving that race with the sender: a poll()
    without a wait that finds nothing, an empty() that says True, a get_nowait() that finds
    nothing; and the end of the stream (recv() raising EOFError). What stopped a receiving
    loop is then an observation, not a guess."""
    from multiprocessing import connection, queues

    poll, recv = connection._ConnectionBase.poll, connection._ConnectionBase.recv
    empty = queues.Queue.empty

    def patched_poll(self, timeout=0.0):
        found = poll(self, timeout)
        if not found and not timeout and _is_runner() and _called_by_student():
            emit("gave_up", how="poll")
        return found

    def patched_recv(self):
        try:
            return recv(self)
        except EOFError:
            if _is_runner():
                emit("eof")
            raise

    def patched_empty(self):
        answer = empty(self)
        if answer and _is_runner() and _called_by_student():
            emit("gave_up", how="empty")
        return answer

    connection._ConnectionBase.poll, connection._ConnectionBase.recv = patched_poll, patched_recv
    queues.Queue.empty = patched_empty


def _short(obj):
    from grader.engine.values import safe_repr

    return safe_repr(obj, 60)


def _queue_id(queue):
    rlock = getattr(queue, "_rlock", None)
    return "Q" + lock_id(rlock) if rlock is not None else "Q?"


def _patch_traffic():
    """Queue puts and gets, pipe sends and receives made outside multiprocessing itself, for
    the timeline; a get or a recv notes when it began to wait and when it returned. A shaken
    schedule (shake.ON) may wait a little before each."""
    if not _TIMELINE and not shake.ON:
        return
    from multiprocessing import connection, queues

    def wrap_put(cls):
        put = cls.put

        def patched_put(self, obj, *args, **kwargs):
            if not _by_library():
                note("put", queue=_queue_id(self), value=_short(obj))
                shake.pause("put")
            return put(self, obj, *args, **kwargs)

        cls.put = patched_put

    def wrap_get(cls):
        get = cls.get

        def patched_get(self, *args, **kwargs):
            if _by_library():
                return get(self, *args, **kwargs)
            shake.pause("get")
            note("get_wait", queue=_queue_id(self))
            obj = get(self, *args, **kwargs)
            note("get", queue=_queue_id(self), value=_short(obj))
            return obj

        cls.get = patched_get

    for cls in (queues.Queue, queues.JoinableQueue, queues.SimpleQueue):
        if "put" in cls.__dict__:
            wrap_put(cls)
        if "get" in cls.__dict__:
            wrap_get(cls)
    base = connection._ConnectionBase
    send, recv = base.send, base.recv

    def patched_send(self, obj):
        if not _by_library():
            note("send", value=_short(obj))
            shake.pause("send")
        return send(self, obj)

    def patched_recv(self):
        if _by_library():
            return recv(self)
        shake.pause("recv")
        note("recv_wait")
        try:
            obj = recv(self)
        except EOFError:
            note("recv", eof=True)
            raise
        note("recv", value=_short(obj))
        return obj

    base.send, base.recv = patched_send, patched_recv


def _patch_queue_put():
    """In the caller, each short sentinel-like object (a short string, None, a number) put on a
    Queue, at the moment of the put: a queue pickles it later, in a thread of its own, so the
    put's place among the caller's other events (a join, say) is the program's own order."""
    from multiprocessing import queues

    def watch(cls):
        put = cls.__dict__["put"]

        def patched_put(self, obj, *args, **kwargs):
            if _is_runner() and (obj is None or isinstance(obj, (bool, int, float))
                                 or (isinstance(obj, str) and len(obj) <= 64)):
                from grader.engine.values import digest

                emit("sentinel_put", value=digest(obj))  # not "put": the timeline's
            return put(self, obj, *args, **kwargs)

        cls.put = patched_put

    for cls in (queues.Queue, queues.JoinableQueue, queues.SimpleQueue):
        watch(cls)


_value_seen = set()  # (pid, lock, read or write, held) already reported


class _AfterImport:
    """A finder that lets the module `name` load as usual and then runs `patch(module)`: a
    module most scenarios never import (it imports ctypes) costs nothing until one does,
    whether it is imported by the student's code or by unpickling a Value in a spawn child."""

    def __init__(self, name, patch):
        self.name, self.patch = name, patch

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        import importlib.util

        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        exec_module, patch = spec.loader.exec_module, self.patch

        def exec_and_patch(module):
            exec_module(module)
            try:
                patch(module)
            except Exception as exc:
                emit("hook_missing", hook=getattr(patch, "__name__", "?"), error="%s: %s" % (type(exc).__name__, exc))

        spec.loader.exec_module = exec_and_patch
        return spec


def _when_imported(name, patch):
    """patch(module) now if `name` is imported already, else right after it is."""
    if name in sys.modules:
        patch(sys.modules[name])
    else:
        sys.meta_path.insert(0, _AfterImport(name, patch))


def _patch_shared_value(sharedctypes):
    """Each way a process reads or writes a synchronized Value's `value` (Value(), not
    RawValue), reported once: whether this thread already held the Value's own lock
    (get_lock()) when it did, before the property takes that lock for the one read or write.
    A `+=` is a read then a write: it is safe only when both are made holding the lock."""
    cls = sharedctypes.Synchronized
    getter, setter = cls.value.fget, cls.value.fset

    def note(self, op):
        try:
            held = bool(self._lock._semlock._is_mine())
            key = (os.getpid(), lock_id(self._lock), op, held)
            if key not in _value_seen:
                _value_seen.add(key)
                emit("value_access", op=op, held=held, lock=key[1])
        except Exception:  # a lock of the student's own making: nothing to say about it
            pass

    def get_value(self):
        note(self, "read")
        return getter(self)

    def set_value(self, value):
        note(self, "write")
        setter(self, value)

    cls.value = property(get_value, set_value)


MAX_ARRAY_NOTES = 500  # elements written into Arrays reported per process
_array_seen = set()  # (pid, array, index, value) already reported


def _patch_shared_array(sharedctypes):
    """Each element a process writes into a synchronized Array (Array(), not RawArray) through
    `arr[i] = v` or a slice, with the value written, reported in the writing process: which
    process put each value into shared memory is then seen where it happened. An element
    written again with the same value is reported once."""
    cls = sharedctypes.SynchronizedArray
    setitem = cls.__setitem__

    def set_item(self, i, value):
        setitem(self, i, value)
        try:
            if isinstance(i, slice):
                at, values = list(range(*i.indices(len(self._obj)))), list(self._obj[i])
            else:
                at, values = [i if i >= 0 else i + len(self._obj)], [self._obj[i]]
            ident, pid = lock_id(self._lock), os.getpid()
            fresh = [(k, v) for k, v in zip(at, values) if (pid, ident, k, v) not in _array_seen]
            fresh = fresh[:max(0, MAX_ARRAY_NOTES - len(_array_seen))]
            if fresh:
                _array_seen.update((pid, ident, k, v) for k, v in fresh)
                emit("array_write", array=ident, at=[k for k, _ in fresh], values=[v for _, v in fresh])
        except Exception:  # a lock of the student's own making: nothing to say about it
            pass

    cls.__setitem__ = set_item


def _patch_sharedctypes(sharedctypes):
    _patch_shared_value(sharedctypes)
    _patch_shared_array(sharedctypes)


def _watch_shared_values():
    _when_imported("multiprocessing.sharedctypes", _patch_sharedctypes)


def _patch_manager_locks():
    """A Manager's Lock lives in the manager's process; the process that acquires it through
    its proxy is seen here, with an identity (the manager's address and the object's id)
    that is the same in every process sharing it. Writes into a manager's dict through a proxy
    (`proxy_write`) are seen the same way, in the writing process."""
    from multiprocessing import managers

    proxy = managers.AcquirerProxy
    acquire, release = proxy.acquire, proxy.release

    def ident(self):
        token = self._token
        return "M%s/%s" % (token.address, token.id)

    def note(self, change):
        held = _proxies_held.setdefault(os.getpid(), {})
        held[ident(self)] = held.get(ident(self), 0) + change

    def patched_acquire(self, blocking=True, timeout=None):
        got = acquire(self, blocking, timeout)
        if got:
            note(self, 1)
        return got

    def patched_release(self):
        release(self)
        note(self, -1)

    def patched_enter(self):
        got = self._callmethod("acquire")
        note(self, 1)
        return got

    def patched_exit(self, *exc):
        answer = self._callmethod("release")
        note(self, -1)
        return answer

    proxy.acquire, proxy.release, proxy.__enter__, proxy.__exit__ = (
        patched_acquire, patched_release, patched_enter, patched_exit)

    callmethod = managers.BaseProxy._callmethod

    def patched_callmethod(self, methodname, args=(), kwds={}):
        if methodname in _PROXY_WRITES:  # who wrote into a manager's object, from which process
            _proxy_write(self, methodname, args, kwds)
        return callmethod(self, methodname, args, kwds)

    managers.BaseProxy._callmethod = patched_callmethod


_PROXY_WRITES = ("__setitem__", "update", "setdefault")


def _proxy_write(proxy, methodname, args, kwds):
    try:
        from grader.engine.values import digest

        if methodname == "update":
            pairs = dict(*args, **kwds)
            keys = list(pairs)[:50]
        else:
            keys = list(args[:1])
        token = proxy._token
        emit("proxy_write", method=methodname, typeid=token.typeid,
             object="M%s/%s" % (token.address, token.id), keys=[digest(key) for key in keys])
    except Exception:
        pass


def _patch_pool():
    """A Pool made, with how many workers and how many tasks each may run."""
    from multiprocessing import pool

    init = pool.Pool.__init__

    def patched_init(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, *args, **kwargs):
        emit("pool", processes=processes, maxtasksperchild=maxtasksperchild, ident=id(self))
        init(self, processes, initializer, initargs, maxtasksperchild, *args, **kwargs)

    pool.Pool.__init__ = patched_init


def watch_pool_ends():
    """In the runner, when a pool exercise's driver asks: each way the student's code ends a
    Pool or a ProcessPoolExecutor (close, join, terminate, `with`, shutdown), recorded as the
    student's own call, so a pool the garbage collector happens to clean up is not mistaken for
    one the student closed. The executor is patched here, not in every process: importing
    concurrent.futures costs every process of every scenario otherwise."""
    from concurrent.futures import process as futures
    from multiprocessing import pool

    def watch(cls, name, kind):
        original = getattr(cls, name)

        def patched(self, *args, **kwargs):
            if _called_by_student():
                emit("pool_end", how=name, api=kind, ident=id(self))
            return original(self, *args, **kwargs)

        setattr(cls, name, patched)

    for name in ("close", "join", "terminate", "__exit__"):
        watch(pool.Pool, name, "pool")
    watch(futures.ProcessPoolExecutor, "shutdown", "executor")
    watch(futures.ProcessPoolExecutor, "__exit__", "executor")
    init = futures.ProcessPoolExecutor.__init__

    def patched_init(self, max_workers=None, *args, **kwargs):
        emit("pool", processes=max_workers, api="executor", ident=id(self))
        init(self, max_workers, *args, **kwargs)

    futures.ProcessPoolExecutor.__init__ = patched_init


_hold = {"seconds": 0.0}  # runner only: how long a set() of an Event waits for the children


def hold_event_sets(seconds):
    """In the runner, when an Event exercise's driver asks: every Event.set() first waits, up
    to `seconds`, until each child the runner started is waiting on that event or has ended.
    A child that works before the start signal then always does so before the set, whatever
    the scheduler does, instead of only when it happens to be quick."""
    _hold["seconds"] = seconds
    os.environ["MPKIT_WATCH_PUTS"] = "1"  # children started from now on note each put()


def _event_id(event):
    return lock_id(event._flag)


def _settled(pid, ident):
    """Whether child `pid` has been seen (in its own log) waiting on event `ident`, or ending."""
    try:
        with open(os.path.join(os.environ.get("MPKIT_EVENTS_DIR", ""), "%d.jsonl" % pid)) as f:
            lines = f.read().splitlines()
    except OSError:
        return False
    for line in lines:
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if event.get("kind") in ("child_end", "exception") or \
                (event.get("kind") == "event_wait" and event.get("id") == ident):
            return True
    return False


def _hold_set(ident):
    pending = [p.pid for p in started if p.pid]
    end = time.monotonic() + _hold["seconds"]
    while pending and time.monotonic() < end:  # the children's own logs, with a deadline
        pending = [pid for pid in pending if not _settled(pid, ident)]
        if pending:
            time.sleep(0.005)


def _patch_event():
    """Event.wait() and set(), with the event's identity (its semaphore's), in every process;
    and, while an Event exercise asks, the moment of each Queue.put() call."""
    from multiprocessing import synchronize

    cls = synchronize.Event
    wait, set_ = cls.wait, cls.set

    def patched_wait(self, timeout=None):
        emit("event_wait", id=_event_id(self), timeout=timeout)
        return wait(self, timeout)

    def patched_set(self):
        if _hold["seconds"] and _is_runner():
            _hold_set(_event_id(self))
        emit("event_set", id=_event_id(self))
        return set_(self)

    cls.wait, cls.set = patched_wait, patched_set
    from multiprocessing import queues

    put = queues.Queue.put

    def patched_put(self, obj, block=True, timeout=None):
        if os.environ.get("MPKIT_WATCH_PUTS") == "1":  # the moment of the call, not of the feeder's send
            emit("work_put")  # not "put", which the timeline records apart from the judge
        return put(self, obj, block, timeout)

    queues.Queue.put = patched_put


def _patch_barrier():
    """Barrier.wait(), with the barrier's identity (its condition's lock) and its parties."""
    from multiprocessing import synchronize

    wait = synchronize.Barrier.wait

    def patched_wait(self, timeout=None):
        emit("barrier_wait", id=lock_id(self._cond._lock), parties=self._parties)
        return wait(self, timeout)

    synchronize.Barrier.wait = patched_wait


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
    """Install every hook in this process (called once, by sitecustomize). Settings from the
    environment are read again here: a warm runner imported this module in the zygote, before
    its scenario's environment was set (engine/warm.py)."""
    global _TIMELINE
    _TIMELINE = os.environ.get("MPKIT_TIMELINE", "1") != "0"
    shake.configure()
    emit("process", ppid=os.getppid(), how="exec", argv=sys.argv[:3])
    _setup_dumps()
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_after_fork_in_child)
    for patch in (_patch_semlock, _patch_process, _patch_spawn, _patch_pickler, _patch_receiving,
                  _patch_traffic, _patch_queue_put, _watch_shared_values, _patch_manager_locks, _patch_pool,
                  _patch_event, _patch_barrier, _install_tracer):
        try:
            patch()
        except Exception as exc:  # a platform without that part: observe the rest
            emit("hook_missing", hook=patch.__name__, error="%s: %s" % (type(exc).__name__, exc))
    if sys.stdout is not None and not isinstance(sys.stdout, WatchedStream):
        sys.stdout = WatchedStream(sys.stdout, "stdout")
