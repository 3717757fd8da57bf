"""The warm runner: a scenario's runner forked from the supervisor instead of a fresh interpreter.

The supervisor zygote (``python -m grader.engine.supervisor --serve``) imports, before it reads
its first job, what every runner needs (multiprocessing and its submodules, the runner, the
hooks, the drivers, values) and never runs student code. Each job's supervisor is a fork of it;
where the runner would have been ``python -c "import grader.engine.runner ..."``, the supervisor
forks again and the child becomes, step by step, what that fresh interpreter would have been:
a session of its own, the scenario's user (no other group) and limits and cgroups, stdin from
/dev/null and stdout/stderr to the supervisor's pipes, no other descriptor but the result
channel, the explicit environment, cwd, sys.path, stdio, signals, warnings and
``multiprocessing``'s process state of a fresh interpreter, none of the trusted side's modules,
then the hooks installed by the same ``sitecustomize`` and ``runner.main()``, which imports the
student's module fresh. docs/threat-model.md lists what a fork carries that an exec does not
and how each is closed.

``MPKIT_WARM=0`` forces the exec'd runner; so do a platform without fork, an emulated platform
(``MPKIT_PLATFORM``), and a runner interpreter other than the zygote's (a scenario's user who
cannot reach the grader's Python).
"""
import os
import sys

SWITCH = "MPKIT_WARM"
RUNNER_MODULES = ("grader.engine.runner", "grader.engine.hooks", "grader.engine.drivers", "grader.engine.values")
MP_MODULES = ("connection", "context", "dummy", "forkserver", "heap", "managers", "pool", "popen_fork",
              "popen_forkserver", "popen_spawn_posix", "process", "queues", "reduction", "resource_sharer",
              "resource_tracker", "sharedctypes", "spawn", "synchronize", "util")
CODE = "import grader.engine.runner as r; r.main()"
# what a fresh interpreter's warnings filters are, before PYTHONWARNINGS (not a debug build)
_DEFAULT_FILTERS = (("default", DeprecationWarning, "__main__"), ("ignore", DeprecationWarning, None),
                    ("ignore", PendingDeprecationWarning, None), ("ignore", ImportWarning, None),
                    ("ignore", ResourceWarning, None))
_state = {"ready": False, "keep": frozenset(), "base_path": [], "stdlib": ()}


def wanted():
    """Whether runners should start warm here (see the module's docstring)."""
    return os.environ.get(SWITCH, "1") != "0" and hasattr(os, "fork") and os.name == "posix" \
        and not os.environ.get("MPKIT_PLATFORM")


def zygote_env(env):
    """The zygote's interpreter flags made a runner's (hash seed 0, no bytecode written, no
    user site), so that a runner forked from it has the sys.flags an exec'd one has."""
    if wanted():
        env.update(PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONNOUSERSITE="1")
    return env


def prepare(startup_modules):
    """In the zygote, before its first job: import what runners need; remember the modules
    that were there before the trusted side's (`startup_modules`, the interpreter's own) and
    the interpreter's own sys.path. No-op (runners are exec'd) unless wanted() and the flags
    of zygote_env() are in force."""
    if not wanted() or sys.flags.hash_randomization or not sys.flags.dont_write_bytecode:
        return False
    import ctypes  # noqa: F401  (the runner resets its dumpable flag with it)
    import importlib
    import io  # noqa: F401
    import warnings  # noqa: F401

    for name in ("multiprocessing",) + tuple("multiprocessing." + m for m in MP_MODULES) + RUNNER_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # a platform without that part (no _ctypes, no shared memory)
            pass
    import sysconfig

    ours = set(os.environ.get("PYTHONPATH", "").split(os.pathsep)) | {sys.path[0]}
    parts = tuple(name + "." for name in RUNNER_MODULES)  # the modules of a package (the hooks')
    _state.update(ready=True, stdlib=tuple(sysconfig.get_paths()[key] + os.sep for key in ("stdlib", "platstdlib")), base_path=[p for p in sys.path if p not in ours],
                  keep=frozenset(m for m in startup_modules if m != "__main__") | set(RUNNER_MODULES)
                  | {m for m in sys.modules if m.startswith(parts)} | {"grader", "grader.engine"})
    return True


def ready():
    return _state["ready"]


class Runner:
    """What the supervisor keeps of a forked runner: the parts of subprocess.Popen it uses."""

    def __init__(self, pid):
        self.pid, self.returncode = pid, None

    def poll(self):
        return self._wait(os.WNOHANG)

    def wait(self, timeout=None):
        if timeout is None:
            return self._wait(0)
        import subprocess
        import time

        give_up = time.monotonic() + timeout
        while self._wait(os.WNOHANG) is None:
            if time.monotonic() >= give_up:
                raise subprocess.TimeoutExpired("runner", timeout)
            time.sleep(0.005)
        return self.returncode

    def _wait(self, flags):
        if self.returncode is not None:
            return self.returncode
        try:
            pid, status = os.waitpid(self.pid, flags)
        except ChildProcessError:  # reaped by the supervisor's sweep: as subprocess does
            self.returncode = 0
            return 0
        if pid == self.pid:
            self.returncode = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") \
                else (-(status & 0x7F) if status & 0x7F else status >> 8)
        return self.returncode

    def kill(self):
        import signal

        if self.returncode is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def start(runner_job, env, cwd, out_w, err_w, channel_fd, user, limit, own_proc=False):
    """Fork the runner (see the module's docstring); its Runner. `user`: Identity.popen_args()
    (empty for the grader's own user); `limit`: limit_resources()'s function or None;
    `own_proc`: mount the /proc of the scenario's pid namespace first (engine/pidns.py)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    pid = os.fork()
    if pid:
        return Runner(pid)
    try:
        _become_runner(runner_job, env, cwd, out_w, err_w, channel_fd, user, limit, own_proc)
    except BaseException:  # as a failed exec: on the scenario's stderr, the runner ends with 127
        import traceback

        os.write(2, traceback.format_exc().encode("utf-8", "replace"))
    finally:
        os._exit(127)  # never back into the supervisor's frames


def _become_runner(runner_job, env, cwd, out_w, err_w, channel_fd, user, limit, own_proc):
    import json

    from grader.engine import isolation

    if own_proc:  # while it may still mount
        from grader.engine import pidns

        pidns.own_proc()
    os.setsid()
    _descriptors(out_w, err_w, channel_fd)
    os.chdir(cwd)
    isolation.become(user)
    if limit is not None:
        limit()
    _no_capabilities()
    _dumpable()
    _signals()
    argv = json.dumps(runner_job)
    _interpreter(env, argv)
    _proc_environ(env)
    _multiprocessing()
    import sitecustomize  # noqa: F401  (ours, first on sys.path: installs the hooks, as at an exec'd start)

    runner = sys.modules["grader.engine.runner"]
    runner.STARTED = "warm"
    runner.main()


def _descriptors(out_w, err_w, channel_fd):
    """stdin /dev/null, stdout and stderr the supervisor's pipes, the channel, and nothing else
    (the zygote's pipes to the grader, the uid lock, the supervisor's own files are closed)."""
    null = os.open(os.devnull, os.O_RDONLY)
    for fd, target in ((null, 0), (out_w, 1), (err_w, 2)):
        os.dup2(fd, target)
    os.closerange(3, channel_fd)
    os.closerange(channel_fd + 1, _max_fd())
    os.set_inheritable(channel_fd, False)


def _max_fd():
    try:
        return max(int(name) for name in os.listdir("/proc/self/fd")) + 1
    except (OSError, ValueError):
        return os.sysconf("SC_OPEN_MAX")


def _no_capabilities():
    """An exec by a user other than root ends with no capability; a fork keeps them. That
    matters in a user namespace of its own (a grader that is not root, engine/mounts.py),
    where the supervisor holds every capability and the runner must hold none: else student
    code could take the covers off the folders kept out of its sight."""
    if not sys.platform.startswith("linux") or os.geteuid() == 0:
        return
    import ctypes

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                    ("inheritable", ctypes.c_uint32)]

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(47, 4, 0, 0, 0)  # PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL
    header, data = Header(0x20080522, 0), (Data * 2)()  # _LINUX_CAPABILITY_VERSION_3: all zero
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset: the runner could not drop its capabilities")


def _dumpable():
    """An exec makes a process dumpable again; a fork keeps the zygote's PR_SET_DUMPABLE 0 and
    setuid() clears it, which would hide the runner's /proc files from its own user's tools."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(4, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _proc_environ(env):
    """Make /proc/<pid>/environ (the environment block the process started with, which setenv
    does not change) show the runner's environment, as after an exec: the sweep finds a
    scenario's processes by the MPKIT_EVENTS_DIR there. Written over the zygote's block, which
    nothing uses once os.environ was replaced; the marker first, in case the block is smaller."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        with open("/proc/self/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        start, end = int(fields[47]), int(fields[48])  # env_start, env_end (proc(5) fields 50, 51)
    except (OSError, ValueError, IndexError):
        return
    first = "MPKIT_EVENTS_DIR"
    block = b""
    for key in sorted(env, key=lambda k: k != first):
        entry = ("%s=%s" % (key, env[key])).encode("utf-8", "surrogateescape") + b"\0"
        if len(block) + len(entry) > end - start:
            break
        block += entry
    if start and end > start:
        ctypes.memmove(start, block.ljust(end - start, b"\0"), end - start)


def _signals():
    """Handlers, mask and wakeup fd of a fresh interpreter."""
    import signal

    fresh = {signal.SIGINT: signal.default_int_handler}
    for name in ("SIGPIPE", "SIGXFSZ"):
        if hasattr(signal, name):
            fresh[getattr(signal, name)] = signal.SIG_IGN
    for number in signal.valid_signals():
        try:
            if signal.getsignal(number) is not fresh.get(number, signal.SIG_DFL):
                signal.signal(number, fresh.get(number, signal.SIG_DFL))
        except (OSError, ValueError, TypeError):  # SIGKILL, SIGSTOP, unset ones
            pass
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.set_wakeup_fd(-1)
    import faulthandler

    faulthandler.disable()


def _interpreter(env, argv):
    """Environment, argv, sys.path, modules, stdio, warnings and atexit of `python -c CODE argv`."""
    import atexit
    import importlib
    import locale
    import tempfile
    import types

    os.environ.clear()
    os.environ.update(env)
    try:
        locale.setlocale(locale.LC_CTYPE, "")
    except locale.Error:
        pass
    tempfile.tempdir = None  # TMPDIR is the scenario's now
    sys.argv = ["-c", argv]
    if hasattr(sys, "orig_argv"):
        sys.orig_argv = [sys.executable, "-c", CODE, argv]
    extra = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    sys.path[:] = [""] + extra + [p for p in _state["base_path"] if p not in extra]
    sys.path_importer_cache.clear()
    importlib.invalidate_caches()
    for name in [m for m in list(sys.modules) if not _kept(m)]:
        del sys.modules[name]
    main = types.ModuleType("__main__")
    main.__dict__.update(__builtins__=sys.modules["builtins"], __spec__=None,
                         __loader__=importlib.machinery.BuiltinImporter)
    sys.modules["__main__"] = main
    _stdio()
    _warnings(env.get("PYTHONWARNINGS", ""))
    atexit._clear()  # a fresh interpreter's only handler so far: multiprocessing's
    atexit.register(sys.modules["multiprocessing.util"]._exit_function)
    sys.dont_write_bytecode = True


def _kept(name):
    """Whether a module of the zygote stays in a runner: the interpreter's own and the standard
    library's (their state is reset where the trusted side set any) and the runner's; never
    the supervisor's, psutil or any other the trusted side imported."""
    if name in ("__main__", "sitecustomize", "usercustomize"):  # ours replaces a system one
        return False
    if name in _state["keep"]:
        return True
    return not name.startswith("grader") and _stdlib(name)


def _stdlib(name):
    top = name.partition(".")[0]
    names = getattr(sys, "stdlib_module_names", None)
    if names is not None:
        return top in names
    module = sys.modules.get(top)  # Python 3.9: by where it lives
    path = getattr(module, "__file__", None)
    if path is None:
        return top in sys.builtin_module_names
    return os.path.abspath(path).startswith(_state["stdlib"]) and "site-packages" not in path


def _stdio():
    """sys.std* as PYTHONUNBUFFERED=1 and PYTHONIOENCODING=utf-8 make them at a fresh start."""
    import io

    def stream(fd, mode, errors):
        raw = io.FileIO(fd, mode, closefd=False)
        if mode == "rb":
            raw = io.BufferedReader(raw)
        return io.TextIOWrapper(raw, encoding="utf-8", errors=errors, newline="\n", line_buffering=False,
                                write_through=mode == "wb")

    sys.stdin = sys.__stdin__ = stream(0, "rb", "strict")
    sys.stdout = sys.__stdout__ = stream(1, "wb", "strict")
    sys.stderr = sys.__stderr__ = stream(2, "wb", "backslashreplace")


def _warnings(options):
    import warnings

    warnings.resetwarnings()
    for action, category, module in _DEFAULT_FILTERS:
        warnings.filterwarnings(action, category=category, module=module or "", append=True)
    sys.warnoptions[:] = [o for o in options.split(",") if o]
    warnings._processoptions(sys.warnoptions)


def _multiprocessing():
    """multiprocessing's process state as at its import: a new authentication key (the zygote's
    is every runner's otherwise), no children, no finalizers, no chosen context."""
    import itertools

    from multiprocessing import context, process, util

    process._current_process = type(process._current_process)()  # _MainProcess, deleted by its module
    process._parent_process = None
    process._children = set()
    process._process_counter = itertools.count(1)
    process._dangling.clear()
    util._finalizer_registry.clear()
    util._afterfork_registry.clear()
    util._exiting = False
    context._default_context._actual_context = None
