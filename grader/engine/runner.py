"""The scenario runner: a fresh interpreter that imports the student's module under its real
name, runs one scenario's driver and writes plain observations (JSON) to the result channel.

Started by the supervisor as ``python -c "import grader.engine.runner as r; r.main()" JOB``, or
forked warm from the supervisor and made that interpreter (engine/warm.py). Its ``__main__`` is a
bare ``-c`` module, so spawn children never re-import the runner.
"""
import importlib
import importlib.util
import json
import os
import sys
import time

from grader.engine import drivers
from grader.engine import hooks as _hooks
from grader.engine.hooks import format_bounded
from grader.engine.values import MAX_ITEMS, describe, safe_repr

_exit = os._exit  # kept before any student code can replace it
STARTED = "exec"  # "warm" when forked from the supervisor zygote (engine/warm.py)


def set_default_start_method(method):
    """Make `method` the default without locking it: the student's own set_start_method()
    and get_context() keep working (set_start_method(force=True) would break them)."""
    import multiprocessing.context as context

    context._default_context._default_context = context._concrete_contexts[method]


def describe_exception(exc):
    try:
        message = safe_repr(exc.args[0] if len(getattr(exc, "args", ())) == 1 else str(exc), 500) \
            if not isinstance(exc, SyntaxError) else str(exc)
    except Exception:  # an exception whose str() fails
        message = "<unprintable %s>" % type(exc).__name__
    return {
        "type": type(exc).__name__,
        "message": message,
        "traceback": format_bounded(exc),
        "code": exc.code if isinstance(exc, SystemExit) and isinstance(exc.code, (int, str)) else None,
    }


def top_level_call(exc, module_name):
    """{"at": "file.py:line", "function": name} when the import of `module_name` failed inside
    a function of its own that its top level called (a script's code left outside `if
    __name__ == "__main__":`), seen in the exception's own frames; else None."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        frame, callee = tb.tb_frame, tb.tb_next.tb_frame.f_code
        if frame.f_code.co_name == "<module>" and frame.f_globals.get("__name__") == module_name \
                and callee.co_filename == frame.f_code.co_filename:
            return {"at": "%s:%d" % (os.path.basename(callee.co_filename), tb.tb_lineno),
                    "function": callee.co_name}
        tb = tb.tb_next
    return None


def module_path(name):
    """The file of the student's module, found without importing it (the argv[0] its own run
    as a script would see); its bare file name when it cannot be found."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    origin = getattr(spec, "origin", None)
    return origin if isinstance(origin, str) and os.path.isfile(origin) else name + ".py"


def os_status(pid):
    """'alive', 'zombie' or 'gone', without reaping (unlike is_alive() or exitcode)."""
    if os.path.isdir("/proc") and not os.environ.get("MPKIT_PLATFORM"):
        try:
            with open("/proc/%d/stat" % pid) as f:
                stat = f.read()
            return "zombie" if stat[stat.rindex(")") + 2] == "Z" else "alive"
        except (FileNotFoundError, ProcessLookupError):  # ended, or ending as we read
            return "gone"
        except OSError:
            pass
    try:
        import psutil  # no /proc (macOS, Windows): slower, but the same answer
    except ImportError:  # a scenario's own interpreter (its own user's) may lack it
        return "gone" if not _exists(pid) else "alive"

    try:
        return "zombie" if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE else "alive"
    except psutil.Error:
        return "gone"


def identities(value):
    """For a returned list or tuple: each item's id, so the judge can tell an object that
    arrived from another process from an equal one the caller had all along; and whether
    identity can tell that at all (None, True, small ints, one-character strings are shared
    objects, so for them only the value can be followed)."""
    if not isinstance(value, (list, tuple)):
        return {}
    import pickle

    def shared(item):
        try:
            return isinstance(item, (type(None), bool, int, str, bytes, tuple)) and \
                len(repr(item)) < 64 and pickle.loads(pickle.dumps(item)) is item
        except Exception:
            return False

    items = value[:MAX_ITEMS]
    return {"ids": [id(item) for item in items], "shared": [shared(item) for item in items]}


def _exists(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except OSError:
        return True


_profiles = []  # the runner's own profile functions, which a forked child drops


def _drop_profile_in_child():
    if sys.getprofile() in _profiles:
        sys.setprofile(None)  # the child's work never returns through the caller's frame


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_profile_in_child)


def timed_call(function, args, ended):
    """function(*args), appending to `ended` the moment its frame returned or raised: before
    its locals are freed, which may unlink a lock or a queue that a child it did not wait for
    has yet to open. That child's failure comes after this moment, never before it."""
    here = sys._getframe()
    mark = len(ended)

    def profile(frame, event, arg):
        if event == "return" and frame.f_back is here and len(ended) == mark:
            ended.append(time.monotonic())

    previous = sys.getprofile()
    _profiles.append(profile)
    sys.setprofile(profile)
    try:
        return function(*args)
    finally:
        sys.setprofile(previous)
        _profiles.remove(profile)
        if len(ended) == mark:  # not a Python function, or the student set a profiler of their own
            ended.append(time.monotonic())


class Run:
    """What a driver uses: the student's module, and call() that records what happened."""

    def __init__(self, module):
        self.module = module
        self.calls = []
        self.pid = os.getpid()

    def call(self, function, *args, label=None):
        """Call module.function(*args) and record its return value or exception, and the state
        of every process it started. Returns the value (None if it raised)."""
        first = len(_hooks.started)
        record = {"function": function, "label": label or function, "returned": None, "raised": None}
        _hooks.emit("call_begin", function=function)
        began = time.monotonic()
        value, ended = None, [began]
        try:
            value = timed_call(getattr(self.module, function), args, ended)
            record["returned"] = describe(value)
            record["returned"].update(identities(value))
        except BaseException as exc:  # SystemExit and KeyboardInterrupt included
            record["raised"] = describe_exception(exc)
        record["duration_s"] = round(ended[-1] - began, 4)
        record["processes"] = [self.process_state(p) for p in _hooks.started[first:]]
        _hooks.emit("call_end", function=function, raised=bool(record["raised"]),
                    returned_at=round(ended[-1], 6))
        self.calls.append(record)
        return value

    @staticmethod
    def process_state(process):
        facts = _hooks.process_facts(process)  # also for a Process the student close()d
        return {
            "pid": facts["pid"],
            "target": _hooks.target_name(process),
            "daemon": bool(process.daemon),
            "waited": facts["returncode"] is not None,
            "exitcode": facts["returncode"],
            "status": os_status(facts["pid"]) if facts["pid"] else "gone",
        }


def _write(fd, result):
    data = json.dumps(result, default=repr).encode("utf-8", "replace")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    while data:
        data = data[os.write(fd, data):]


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def main():
    job = json.loads(sys.argv[1])
    sys.argv = [module_path(job["module"])]  # as `python FILE` gives it: the job is not the student's
    if "channel_fd" in job:
        fd = job["channel_fd"]
    else:
        fd = os.open(job["channel_path"], os.O_WRONLY | getattr(os, "O_BINARY", 0))
    os.environ["MPKIT_RUNNER_PID"] = str(os.getpid())
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=lambda: _close_quietly(fd))
    set_default_start_method(job["start_method"])
    chosen = drivers.chosen(job)
    result = {"runner_pid": os.getpid(), "start_method": job["start_method"], "started": STARTED}
    _phase(fd, result, "import")
    try:
        module = importlib.import_module(job["module"])
    except BaseException as exc:
        result["import_error"] = dict(describe_exception(exc), top_call=top_level_call(exc, job["module"]))
        _finish(fd, result)
    _phase(fd, result, "drive")
    run = Run(module)
    try:
        result["extra"] = chosen.drive(run) or {}
    except BaseException as exc:
        result["driver_error"] = describe_exception(exc)
    result["calls"] = run.calls
    _finish(fd, result)


def _phase(fd, result, name):
    """Say where the runner is, in the event log and in the result channel (which student
    code cannot reach by path), so a runner that dies is known to have died there."""
    _hooks.emit("phase", name=name)
    result["phase"] = name
    try:
        _write(fd, result)
    except OSError:  # the student closed it; the final write will say so too
        pass


def _helper_pids():
    """multiprocessing's resource tracker and forkserver, which may outlive the runner."""
    try:
        import multiprocessing.resource_tracker as tracker
    except ImportError:
        return []
    pids = [getattr(getattr(tracker, "_resource_tracker", None), "_pid", None)]
    forkserver = sys.modules.get("multiprocessing.forkserver")
    if forkserver is not None:
        pids.append(getattr(forkserver._forkserver, "_forkserver_pid", None))
    return [pid for pid in pids if isinstance(pid, int)]


def _finish(fd, result):
    _release_semaphores()
    _flush()
    try:
        result["helpers"] = _helper_pids()
        _phase(fd, result, "done")
    finally:
        _exit(0)


def _release_semaphores():
    """Unlink this process's named semaphores now, as a normal exit would, so the resource
    tracker finds nothing to warn about."""
    try:
        from multiprocessing import util

        util._run_finalizers(0)
    except Exception:
        pass


def _close_quietly(fd):
    try:
        os.close(fd)
    except OSError:
        pass
