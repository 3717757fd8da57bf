"""Processes: each one started (``start``, with its target, start method, whether it was started
at a module's import and the plain globals its target's module had), the parent seeing it end
(``join_begin``/``join_end``, ``ended_seen``), ``terminate()``, ``kill()`` and the student's
own ``os.kill()`` calls, with the signal sent (so a process the student ended is not called a
crash); ``close()``, keeping the pid and exit code it drops; in the child, its target begun
and ended (``child_begin``/``child_end``), a ``sys.exit(code)`` of the student's own code
(``exit_called``: a code the student chose is not a crash) and an exception it raised, also one
raised by a spawn or forkserver child before its target starts (it cannot unpickle the target,
say).

In the runner, each started process joins ``record.started``. With ``MPKIT_GATE=1``, the
student's own children of the runner (not a Manager's server or a Pool's workers) wait at their
start until the runner first waits on them (join, is_alive, exitcode, sentinel), so reading an
exit code before joining is caught every time rather than by luck of the scheduler.
"""
import os
import signal
import sys

from grader.engine import shake
from grader.engine.hooks import record, where

PLAIN_TYPES = (type(None), bool, int, float, complex, str, bytes)
MAX_GLOBALS = 50
_gates = []  # gates stay referenced: collecting one would unlink it before a child opens it


def target_name(process):
    """What a process runs: `produce`, or `MyProcess.run` for a subclass (start() deletes
    _target, so the name is kept as _mpkit_target when the process starts)."""
    if "_mpkit_target" in process.__dict__:
        return process._mpkit_target
    target = getattr(process, "_target", None)
    if target is None or type(process).run is not _base_run():
        return type(process).__qualname__ + ".run"
    return getattr(target, "__qualname__", None) or repr(target)[:80]


def process_facts(process):
    """A started process's pid and return code (None while it runs), also once the student has
    close()d it: close() drops both from the Process object, and reading its pid then raises."""
    closed = process.__dict__.get("_mpkit_closed")
    if closed is not None:
        return closed
    popen = getattr(process, "_popen", None)
    return {"pid": getattr(popen, "pid", None), "returncode": getattr(popen, "returncode", None)}


def _base_run():
    from multiprocessing.process import BaseProcess

    return BaseProcess.run


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
        path, folder = getattr(module, "__file__", None), where._student_dir()
        if not (path and folder and where._in_folder(path, folder)):
            return None
        found = {}
        for name, value in list(vars(module).items()):
            if not name.startswith("__") and _plain(value) and len(found) < MAX_GLOBALS:
                found[name] = repr(value)[:record.MAX_TEXT]
        return found
    except Exception:  # instrumentation must never break the student's program
        return None


def _open_gate(process):
    gate = process.__dict__.pop("_mpkit_gate", None)
    if gate is not None:
        gate.set()


def _seen_ended(process, code):
    """The first time this process learns that a child has ended (join, is_alive(),
    exitcode): from then on, in its own order of events, the child cannot act."""
    if code is not None and not process.__dict__.get("_mpkit_seen_ended"):
        process._mpkit_seen_ended = True
        record.emit("ended_seen", child=process.pid, exitcode=code)


def _patch_process():
    from multiprocessing.process import BaseProcess

    patched = dict(_starting(BaseProcess), **_ending(BaseProcess), **_waiting(BaseProcess),
                   **_running(BaseProcess), **_closing(BaseProcess))
    for name, value in patched.items():
        setattr(BaseProcess, name, value)


def _starting(cls):
    """start(): the process started (or failed to), with its gate when the runner asks for one."""
    import multiprocessing

    start = cls.start

    def patched_start(self):
        self._mpkit_target = target_name(self)
        by_student = where._started_by_student()
        # only the student's own children wait at the gate: a Manager's server or a Pool's
        # workers, started by multiprocessing itself, must run for their start() to return
        if where._is_runner() and os.environ.get("MPKIT_GATE") == "1" and by_student:
            method = getattr(self, "_start_method", None)
            self._mpkit_gate = multiprocessing.get_context(method).Event()
            _gates.append(self._mpkit_gate)
        about = {"target": target_name(self), "has_target": _has_target(self),
                 "at_import": where._student_module_frame(), "by_student": by_student}
        known = target_globals(self)
        try:
            start(self)
        except BaseException as exc:
            record.emit("start_failed", method=_method_of(self), error=type(exc).__name__, **about)
            raise
        if where._is_runner():
            record.started.append(self)
        record.emit("start", child=self.pid, daemon=bool(self.daemon), method=_method_of(self),
                    globals=known, **about)
        shake.pause("started")

    return {"start": patched_start}


def _ending(cls):
    """terminate() and kill(): a process the student ended."""
    terminate, kill = cls.terminate, getattr(cls, "kill", cls.terminate)

    def patched_terminate(self):
        record.emit("terminate", child=self.pid, how="terminate", signal=int(signal.SIGTERM))
        terminate(self)

    def patched_kill(self):
        record.emit("terminate", child=self.pid, how="kill", signal=int(getattr(signal, "SIGKILL", signal.SIGTERM)))
        kill(self)

    return {"terminate": patched_terminate, "kill": patched_kill}


def _patch_os_kill():
    """os.kill(pid, sig) called by the student's code itself (not by terminate() or kill(),
    which call it in turn): a process the student ended, whichever call sent the signal."""
    kill = os.kill

    def patched_kill(pid, sig):
        if sig and where._called_by_student():
            record.emit("terminate", child=pid, how="os.kill", signal=int(sig))
        return kill(pid, sig)

    os.kill = patched_kill


def _waiting(cls):
    """join(), is_alive(), exitcode and sentinel: the parent waiting on a child (which opens its
    gate) and learning that it ended."""
    join, is_alive = cls.join, cls.is_alive
    exitcode, sentinel = cls.exitcode, cls.sentinel

    def patched_join(self, timeout=None):
        record.emit("join_begin", child=self.pid, timeout=timeout)
        _open_gate(self)
        shake.pause("join")
        join(self, timeout)
        code = exitcode.fget(self)
        record.emit("join_end", child=self.pid, exitcode=code)
        _seen_ended(self, code)

    def patched_is_alive(self):
        try:
            alive = is_alive(self)
            if not alive and getattr(self, "_popen", None) is not None:
                _seen_ended(self, exitcode.fget(self))
            return alive
        finally:
            _open_gate(self)

    def patched_exitcode(self):
        try:
            code = exitcode.fget(self)
            _seen_ended(self, code)
            return code
        finally:
            _open_gate(self)

    def patched_sentinel(self):
        try:
            return sentinel.fget(self)
        finally:
            _open_gate(self)

    return {"join": patched_join, "is_alive": patched_is_alive,
            "exitcode": property(patched_exitcode), "sentinel": property(patched_sentinel)}


def _closing(cls):
    """close(): kept the pid and return code of a process that has ended (close() refuses a
    running one), for whoever reads them afterwards (process_facts)."""
    close = cls.close

    def patched_close(self):
        facts = process_facts(self)
        close(self)
        if facts["pid"] is not None:
            self._mpkit_closed = facts

    return {"close": patched_close}


def _note_exit(exc):
    """sys.exit(code) called by the student's own code in a child (the innermost frame of the
    SystemExit is in the student's folder): that exit code is the student's choice, not a crash."""
    folder, last = where._student_dir(), exc.__traceback__
    while last is not None and last.tb_next is not None:
        last = last.tb_next
    if not folder or last is None or not where._in_folder(last.tb_frame.f_code.co_filename, folder):
        return
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    record.emit("exit_called", code=code,
                at="%s:%d" % (os.path.basename(last.tb_frame.f_code.co_filename), last.tb_lineno))


def _running(cls):
    """_bootstrap(), in the child: its target begun and ended, an exception it raised. Its name
    stays patched_bootstrap: engine/stacks.py cuts a fork child's stack dump there."""
    bootstrap = cls._bootstrap

    def patched_bootstrap(self, *args, **kwargs):
        gate = self.__dict__.pop("_mpkit_gate", None)
        record.emit("child_begin", target=target_name(self), parent=os.getppid(), globals=target_globals(self))
        shake.pause("start", name=self.name)
        if gate is not None:
            gate.wait()
        run = self.run

        def watched_run():
            try:
                return run()
            except SystemExit as exc:
                _note_exit(exc)
                raise
            except BaseException as exc:
                record._report(exc)
                raise

        self.run = watched_run
        code = bootstrap(self, *args, **kwargs)
        forced = os.environ.get("MPKIT_CHILD_EXIT")
        if forced and code == 0 and str(getattr(self, "_parent_pid", "")) == os.environ.get("MPKIT_RUNNER_PID"):
            code = int(forced)  # the scenario asks the caller's children to end with this code
        record.emit("child_end", exitcode=code)
        return code

    return {"_bootstrap": patched_bootstrap}


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
            record._report(exc, phase="bootstrap")
            raise

    spawn._main = patched_main
