"""What differs between platforms, in one place.

Linux offers a child subreaper, per-thread wait states in /proc and SIGUSR1 stack dumps; macOS
and Windows get working fallbacks (a psutil sweep, the plain timeout, no dumps), so the kit runs
there with fewer diagnostics rather than failing. ``capabilities()`` says which layers are on.

``MPKIT_PLATFORM=macos`` or ``MPKIT_PLATFORM=windows`` makes the kit take those platforms'
fallback paths on Linux (no subreaper, /proc, pidfd or cgroups; for windows also no stack
dumps, no fork, no inherited descriptors, no rlimits), so the tests prove the fallbacks here.
"""
import os
import platform
import signal
import sys

import psutil

EMULATIONS = ("macos", "windows")
EMULATED = os.environ.get("MPKIT_PLATFORM", "")
if EMULATED not in EMULATIONS:
    EMULATED = ""  # an unknown value is reported by emulation_error(), not used
LINUX = sys.platform.startswith("linux") and not EMULATED
POSIX = os.name == "posix" and EMULATED != "windows"
HAS_DUMPS = hasattr(signal, "SIGUSR1") and EMULATED != "windows"
HAS_FORK = hasattr(os, "fork") and EMULATED != "windows"
PR_SET_CHILD_SUBREAPER = 36


def emulation_error():
    """What is wrong with MPKIT_PLATFORM, or None."""
    value = os.environ.get("MPKIT_PLATFORM", "")
    if value and value not in EMULATIONS:
        return "MPKIT_PLATFORM must be %s (or unset), not %r" % (" or ".join(EMULATIONS), value)
    return None


def isolated():
    """Popen arguments that keep signals a process sends to its own group or console from
    reaching its parents: a session of its own on POSIX; on Windows a process group and a
    console of its own (so Ctrl-C and Ctrl-Break events stay inside)."""
    if os.name == "posix":  # the real platform's: emulating Windows does not undo this
        return {"start_new_session": True}
    import subprocess

    return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW}


def no_ignored_signals():
    """Every ignored signal back to its default, as in a process started afresh (an exec keeps
    ignored dispositions; Python ignores SIGPIPE and SIGXFSZ again itself)."""
    import signal

    for number in signal.valid_signals():
        try:
            if signal.getsignal(number) is signal.SIG_IGN:
                signal.signal(number, signal.SIG_DFL)
        except (OSError, ValueError, TypeError):
            pass


def become_subreaper():
    """Make orphans of our descendants (setsid, double fork) re-parent to us. Linux only."""
    if not LINUX:
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def exit_waiter(popen):
    """wait(seconds) -> whether `popen` has exited, returning as soon as it does (a pidfd on
    Linux; elsewhere Popen.wait, which polls)."""
    import select
    import subprocess

    pidfd = None
    if LINUX and hasattr(os, "pidfd_open"):
        try:
            pidfd = os.pidfd_open(popen.pid)
        except OSError:
            pidfd = None

    def wait(seconds):
        if pidfd is not None:
            if not select.select([pidfd], [], [], seconds)[0]:
                return False
            popen.wait()
            return True
        try:
            popen.wait(seconds)
            return True
        except subprocess.TimeoutExpired:
            return False
    return wait


def descendants(root_pid=None):
    """Every live process below root_pid (default: this process), as psutil.Process objects."""
    root = root_pid or os.getpid()
    if LINUX and _CHILDREN_FILES:
        return _descendants_from_proc(root)
    try:
        return psutil.Process(root).children(recursive=True)
    except psutil.Error:
        return []


# /proc/<pid>/task/<tid>/children (Linux 3.5+, CONFIG_PROC_CHILDREN): reading the tree costs its
# size; psutil reads the parent of every process of the machine instead, several times a scenario
_CHILDREN_FILES = LINUX and os.path.exists("/proc/self/task/%d/children" % os.getpid())


_NOT_OF_THE_SCENARIO = set()  # a scenario's init (engine/pidns.py): its children are, it is not


def not_of_the_scenario(pid):
    """Leave process `pid` out of descendants() (its own descendants stay in)."""
    _NOT_OF_THE_SCENARIO.add(pid)


def _descendants_from_proc(root):
    found, todo, seen = [], [root], {root}
    while todo:
        pid = todo.pop()
        try:
            tasks = os.listdir("/proc/%d/task" % pid)
        except OSError:  # ended meanwhile
            continue
        for tid in tasks:
            try:
                with open("/proc/%d/task/%s/children" % (pid, tid), "rb") as f:
                    children = [int(c) for c in f.read().split()]
            except (OSError, ValueError):
                continue
            for child in children:
                if child in seen:
                    continue
                seen.add(child)
                todo.append(child)
                if child in _NOT_OF_THE_SCENARIO:
                    continue
                try:
                    found.append(psutil.Process(child))
                except psutil.Error:
                    pass
    return found


def scenario_processes(marker):
    """Every process of a scenario: our descendants, plus (where there is no subreaper to bring
    them back) any process whose environment still carries the scenario's marker, such as one
    that escaped with setsid and a double fork."""
    procs = descendants()
    if LINUX or not marker:
        return procs
    known = {p.pid for p in procs}
    return procs + [p for p in marked_processes(marker) if p.pid not in known]


def marked_processes(marker, folder=None):
    """Processes, anywhere, whose MPKIT_EVENTS_DIR is `marker` or whose working folder is
    inside `folder`: what a scenario started, found without its process tree."""
    inside = os.path.normcase(os.path.realpath(folder)) + os.sep if folder else None
    found = []
    for proc in psutil.process_iter():
        if proc.pid == os.getpid():
            continue
        try:
            if proc.environ().get("MPKIT_EVENTS_DIR") == marker or \
                    (inside and os.path.normcase(proc.cwd() + os.sep).startswith(inside)):
                found.append(proc)
        except (psutil.Error, OSError):
            pass
    return found


def wait_for(pid):
    """Wait for our child `pid` to end and reap it; nothing if it was reaped already."""
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def reap_zombies():
    """Reap every child that has exited (orphans re-parented to a subreaper included)."""
    if os.name != "posix":  # the real platform's: where zombies exist, they are reaped
        return
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def suspend(proc):
    try:
        proc.suspend()
    except psutil.Error:
        pass


def kill(proc):
    try:
        proc.kill()
    except psutil.Error:
        pass


def start_methods():
    import multiprocessing

    return ["spawn"] if EMULATED == "windows" else multiprocessing.get_all_start_methods()


def default_start_method():
    """The platform's own default (fork on Linux before 3.14, forkserver from 3.14, spawn on
    macOS and Windows), read without locking the default context."""
    import multiprocessing.context as context

    if EMULATED:
        return "spawn"
    return context._default_context._default_context._name


def capabilities():
    probe = Cgroups("mpkit-probe-%d" % os.getpid(), 64, 1 << 30)
    probe.remove()
    return {
        "platform": platform.system() + (" (as %s)" % EMULATED if EMULATED else ""),
        "subreaper": LINUX,
        "rlimits": POSIX,
        "stack_dumps": HAS_DUMPS,
        "early_deadlock_detection": LINUX and thread_probe_works(),
        "pids_cgroup": "pids" in probe.active,
        "memory_cgroup": "memory" in probe.active,
        "separate_users": _separate_users(),
        "private_mounts": _private_mounts(),
        "pid_namespace": _in_view("pid"),
        "network_namespace": _in_view("network"),
        "ipc_namespace": _in_view("ipc"),
    }


def _separate_users():
    """Whether student code runs as users of their own: asked for (as root, by default) and
    possible."""
    from grader.engine import isolation

    try:
        return isolation.requested() and isolation.available()
    except ValueError:
        return False


def _view_wanted():
    """Whether scenarios should get a private view of the file system (None: a setting is
    wrong, which is reported elsewhere)."""
    from grader.engine import isolation

    root = hasattr(os, "geteuid") and os.geteuid() == 0
    try:
        return isolation.view_requested() and (isolation.available() or not root)
    except ValueError:
        return None


def _private_mounts():
    """False when scenarios should get a private view of the file system but cannot (a mount
    namespace needs CAP_SYS_ADMIN as root, which containers often drop, or unprivileged user
    namespaces otherwise)."""
    from grader.engine import namespaces

    wanted = _view_wanted()
    return wanted is None or not wanted or namespaces.supported()["view"]


def _in_view(kind):
    """False when scenarios get a private view but no namespace of `kind` (pid, network, ipc)
    of their own inside it."""
    from grader.engine import namespaces

    found = namespaces.supported()
    if not (_view_wanted() and found["view"]):
        return True  # no view: named above when wanted
    return found[kind]


_NOTES = {
    "subreaper": "no child subreaper here: processes that escape with setsid are found by a "
                 "sweep of the scenario's environment marker instead",
    "stack_dumps": "no SIGUSR1 here: a hung scenario is reported without stack dumps",
    "early_deadlock_detection": "no per-thread wait states here: a deadlock is called when "
                                "the scenario's timeout runs out",
    "pids_cgroup": "no writable pids cgroup: the process count is watched, not capped by the "
                   "kernel",
    "memory_cgroup": "no writable memory cgroup: the tree's memory is watched" + (
        " (each process is still capped by RLIMIT_AS)" if POSIX else ""),
    "rlimits": "no per-process limits (setrlimit): the tree's memory is watched, open files "
               "and the size of files the code writes are not capped",
    "separate_users": "student code runs as the grader's own user, so it could signal the "
                      "grader (each scenario gets a user of its own when the grader is root, a "
                      "Python other users can run exists and MPKIT_SEPARATE_USERS is not 0)",
    "private_mounts": "no mount namespace for scenarios (it needs CAP_SYS_ADMIN as root, or "
                      "unprivileged user namespaces otherwise): they share /tmp and /dev/shm, "
                      "and folders other users may read (solutions/ beside a checkout of the "
                      "kit, the grader's own checks with the hidden tests) stay readable to "
                      "student code",
    "pid_namespace": "no pid namespace for scenarios: student code sees the machine's processes "
                     "and can signal those of its own user, and the pids its processes report "
                     "are taken on trust",
    "network_namespace": "no network namespace for scenarios: student code can connect to services "
                         "on this machine's loopback (a notebook server, a database) and to its "
                         "abstract unix sockets",
    "ipc_namespace": "no IPC namespace for scenarios: System V shared memory and message queues and "
                     "POSIX message queues that student code makes outlive its scenario",
}


def hardening_notes():
    have = capabilities()
    return [note for layer, note in _NOTES.items() if not have[layer]]


# ---- early deadlock detection: which threads sit in a wait that nothing but the tree can end

_SYSCALLS = {
    # name: (x86_64, aarch64)
    "read": (0, 63), "write": (1, 64), "poll": (7, None), "select": (23, None),
    "wait4": (61, 260), "waitid": (247, 95), "futex": (202, 98), "epoll_wait": (232, None),
    "pselect6": (270, 72), "ppoll": (271, 73), "epoll_pwait": (281, 22),
    "recvfrom": (45, 207), "recvmsg": (47, 212), "sendto": (44, 206), "sendmsg": (46, 211),
    "accept": (43, 202), "accept4": (288, 242), "pause": (34, None), "futex_waitv": (449, 449),
    "nanosleep": (35, 101), "clock_nanosleep": (230, 115),  # a sleep (time.sleep): a timed wait
}
_SLEEPS = ("nanosleep", "clock_nanosleep")
_ARCH = {"x86_64": 0, "aarch64": 1}.get(platform.machine())
_BY_NUMBER = {}
if _ARCH is not None:
    _BY_NUMBER = {nums[_ARCH]: name for name, nums in _SYSCALLS.items() if nums[_ARCH] is not None}

_ALWAYS_UNTIMED = {"read", "write", "wait4", "waitid", "recvfrom", "recvmsg", "sendto",
                   "sendmsg", "accept", "accept4", "pause"}
_MINUS_ONE = 0xFFFFFFFF


def _untimed(name, args):
    """Whether a thread blocked in syscall `name` with `args` waits with no timeout."""
    if name in _ALWAYS_UNTIMED:
        return True
    if name == "futex":
        return args[3] == 0
    if name in ("poll", "epoll_wait", "epoll_pwait"):
        index = 2 if name == "poll" else 3
        return args[index] & _MINUS_ONE == _MINUS_ONE
    if name in ("ppoll", "futex_waitv"):
        return args[2 if name == "ppoll" else 3] == 0
    if name in ("select", "pselect6"):
        return args[4] == 0
    return False


def _read(path):
    with open(path) as f:
        return f.read()


def catches(pid, signum):
    """Whether process `pid` has a handler for `signum` (SigCgt in /proc/<pid>/status): False
    when it would take the default action (SIGUSR1's kills it), None where /proc cannot tell."""
    if not LINUX:
        return None
    try:
        for line in _read("/proc/%d/status" % pid).splitlines():
            if line.startswith("SigCgt:"):
                return bool(int(line.split()[1], 16) >> (signum - 1) & 1)
    except (OSError, ValueError, IndexError):
        pass
    return None


def thread_state(pid, tid):
    """(blocked, progress) for one thread: blocked is True when it sleeps in a wait with no
    timeout (lock, queue, pipe, join...), False when it runs, sleeps with a timeout, or cannot
    be read; progress is a value that changes whenever the thread runs."""
    base = "/proc/%d/task/%d/" % (pid, tid)
    stat = _read(base + "stat")
    state = stat[stat.rindex(")") + 2]
    try:
        progress = _read(base + "schedstat").split()[0]
    except OSError:
        fields = stat[stat.rindex(")") + 2:].split()
        progress = fields[11] + "/" + fields[12]
    if state == "Z":
        return True, progress
    if state != "S":
        return False, progress
    call = _read(base + "syscall").split()
    if not call or call[0] == "running" or not call[0].lstrip("-").isdigit():
        return False, progress
    name = _BY_NUMBER.get(int(call[0]))
    args = [int(a, 16) for a in call[1:7]]
    blocked = name is not None and len(args) == 6 and _untimed(name, args)
    return blocked, progress + ":" + call[0]


def process_activity(pid):
    """'running', 'timed_wait' (sleeping or waiting with a timeout) or 'waiting' (a wait with
    no timeout) for the busiest thread of a process, or None where /proc cannot tell."""
    if not LINUX or _ARCH is None:
        return None
    found = set()
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            base = "/proc/%d/task/%s/" % (pid, tid)
            stat = _read(base + "stat")
            state = stat[stat.rindex(")") + 2]
            if state == "R":
                return "running"
            blocked, _ = thread_state(pid, int(tid))
            found.add("waiting" if blocked else "timed_wait")
    except (OSError, ValueError, IndexError):
        return None
    return "timed_wait" if "timed_wait" in found else ("waiting" if found else None)


def sleeping(pid):
    """Whether the main thread of process `pid` is asleep in a sleep of its own (time.sleep:
    nanosleep or clock_nanosleep), not waiting for anything; False where /proc cannot tell."""
    if not LINUX or _ARCH is None:
        return False
    try:
        call = _read("/proc/%d/task/%d/syscall" % (pid, pid)).split()
        return bool(call) and call[0].isdigit() and _BY_NUMBER.get(int(call[0])) in _SLEEPS
    except (OSError, ValueError):
        return False


def tree_snapshot(procs):
    """A signature of the whole tree when every thread of every process is blocked with no
    timeout, else None. Two equal signatures some time apart mean nothing ran in between."""
    if not LINUX or _ARCH is None:
        return None
    signature = []
    try:
        for proc in procs:
            for tid in sorted(int(t) for t in os.listdir("/proc/%d/task" % proc.pid)):
                blocked, progress = thread_state(proc.pid, tid)
                if not blocked:
                    return None
                signature.append((proc.pid, tid, progress))
    except (OSError, ValueError, IndexError):
        return None
    return tuple(signature) or None


def thread_probe_works():
    if not LINUX or _ARCH is None:
        return False
    try:
        _read("/proc/self/task/%d/syscall" % os.getpid())
        return True
    except OSError:
        return False


# ---- cgroups (Linux, v1 hierarchies): a cap on the whole tree that no fork can escape

_CGROUP_LIMITS = {"pids": ("pids.max", "pids.events", "max "),
                  "memory": ("memory.limit_in_bytes", "memory.oom_control", "oom_kill ")}


def _own_cgroup(controller):
    """The folder of this process's cgroup for a v1 controller, or None."""
    try:
        with open("/proc/self/cgroup") as f:
            for line in f:
                _, names, path = line.rstrip("\n").split(":", 2)
                if controller in names.split(","):
                    folder = os.path.join("/sys/fs/cgroup", controller, path.lstrip("/"))
                    return folder if os.path.isdir(folder) else None
    except OSError:
        pass
    return None


class Cgroups:
    """pids and memory cgroups for one scenario, made below this process's own. Where they
    cannot be made (not Linux, cgroup v2 only, no write access) `active` is empty and the
    supervisor's watch of the tree is the only cap."""

    def __init__(self, name, max_pids, memory_bytes):
        self.folders = {}
        if not LINUX:
            return
        for controller, value in (("pids", max_pids), ("memory", memory_bytes)):
            base = _own_cgroup(controller)
            if not base or not value:
                continue
            folder = os.path.join(base, name)
            try:
                os.mkdir(folder)
            except OSError:
                continue
            try:
                _write(os.path.join(folder, _CGROUP_LIMITS[controller][0]), value)
                self.folders[controller] = folder
            except OSError:
                _rmdir(folder)

    @property
    def active(self):
        return sorted(self.folders)

    def prime(self):
        """Start paying, in a child process, for the runner's move into these cgroups, while
        the caller goes on preparing: a move takes the kernel's lock on every thread group for
        writing, and its first taker waits for an RCU grace period (10 to 15 ms measured here),
        after which moves for a while are immediate. The child moves itself into the cgroup it
        is already in (nothing changes) and exits once the period has passed. A process, not a
        thread: a thread's malloc arena (64 MB of address space) would stay in the runner
        forked later, and count against its students' RLIMIT_AS. Its pid (waitpid() it), or
        None: nothing to move into, or not root (the writer must be allowed to move itself)."""
        own = _own_cgroup("pids") if self.folders and os.geteuid() == 0 else None
        if not own:
            return None
        pid = os.fork()
        if pid == 0:
            try:
                fd = os.open(os.path.join(own, "cgroup.procs"), os.O_WRONLY)
                os.write(fd, str(os.getpid()).encode())
            finally:
                os._exit(0)
        return pid

    def enter(self):
        """Move the calling process in (the runner calls it before exec)."""
        for folder in self.folders.values():
            _write(os.path.join(folder, "cgroup.procs"), os.getpid())

    def hit(self):
        """'too_many_processes' or 'too_much_memory' when a cap was reached, else None."""
        for controller, outcome in (("pids", "too_many_processes"), ("memory", "too_much_memory")):
            folder = self.folders.get(controller)
            if not folder:
                continue
            _, events, key = _CGROUP_LIMITS[controller]
            try:
                with open(os.path.join(folder, events)) as f:
                    for line in f:
                        if line.startswith(key) and int(line[len(key):]) > 0:
                            return outcome
            except (OSError, ValueError):
                pass
        return None

    def remove(self):
        for folder in self.folders.values():
            _rmdir(folder)

    @staticmethod
    def remove_named(name):
        """Remove a scenario's cgroups whose supervisor died before it could."""
        for controller in _CGROUP_LIMITS:
            base = _own_cgroup(controller) if LINUX else None
            if base and os.path.isdir(os.path.join(base, name)):
                _rmdir(os.path.join(base, name))


def _write(path, value):
    with open(path, "w") as f:
        f.write(str(value))


def _rmdir(folder):
    for _ in range(100):
        try:
            os.rmdir(folder)
            return
        except FileNotFoundError:
            return
        except OSError:  # the last processes are still leaving
            import time

            time.sleep(0.01)
