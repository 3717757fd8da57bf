"""Privilege separation: student code runs as a user of its own, one per scenario.

When the grader runs as root (Gradescope, Docker, CI containers), each scenario's runner and
every process below it run as an unprivileged uid taken from a range (``MPKIT_UID_BASE``,
default 62000, ``MPKIT_UID_COUNT`` uids, default 512), held for the scenario's lifetime by a
lock only root can take. That uid owns the scenario's private folders (0700) and nothing
else, so it cannot signal or trace the grader, its supervisors or another scenario, cannot
write the grader's installation, and cannot read or write another scenario's folder. At the
end, every process and every file in the shared temporary folders owned by that uid is
removed, whatever the student's code did to hide it.

The layer is on whenever the grader is root, unless ``MPKIT_SEPARATE_USERS=0``
(``mpkit grade --no-separate-users``); ``MPKIT_SEPARATE_USERS=1`` (``--separate-users``) makes
it a requirement; the runner's interpreter must be reachable by other users (a Python under a
0700 home folder is not: then a system Python of the same version is used, or the layer is
named as missing).
"""
import os

UID_BASE_VAR, UID_COUNT_VAR = "MPKIT_UID_BASE", "MPKIT_UID_COUNT"
DEFAULT_BASE, DEFAULT_COUNT = 62000, 512
PRIVATE_FOLDERS = ("work", "events", "dumps", "tmp", "submission")
SHARED_TMP = ("/tmp", "/dev/shm", "/var/tmp")


def _validate_int(value, where, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValueError("%s must be a whole number, not %r" % (where, value))
    if not low <= number <= high:
        raise ValueError("%s must be between %d and %d, not %d" % (where, low, high, number))
    return number


def uid_range():
    """(first uid, how many), from the environment; ValueError names the variable at fault."""
    base = _validate_int(os.environ.get(UID_BASE_VAR, DEFAULT_BASE), UID_BASE_VAR, 1000, 2 ** 31 - 2 ** 16)
    count = _validate_int(os.environ.get(UID_COUNT_VAR, DEFAULT_COUNT), UID_COUNT_VAR, 1, 65536)
    return base, count


SWITCH = "MPKIT_SEPARATE_USERS"


def requested():
    """Whether scenarios should run as users of their own: MPKIT_SEPARATE_USERS=1 asks for
    it, 0 turns it off, and unset (or auto) means whenever the grader is root."""
    value = os.environ.get(SWITCH, "auto")
    if value not in ("0", "1", "auto"):
        raise ValueError("%s must be 0, 1 or auto, not %r" % (SWITCH, value))
    if value == "auto":
        return os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0
    return value == "1"


def view_requested():
    """Whether scenarios should get a private view of the file system (engine/mounts.py): with
    users of their own as root, and through a user namespace when the grader is not root,
    unless MPKIT_SEPARATE_USERS=0 turns separation off."""
    if os.name != "posix" or not hasattr(os, "geteuid"):
        return False
    if os.geteuid() == 0:
        return requested()
    return os.environ.get(SWITCH, "auto") != "0"


def available():
    """Whether scenarios can run as users of their own: root, on a POSIX system, with an
    interpreter other users can run (through the scenario's view where it opens the way)."""
    return os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0 \
        and not os.environ.get("MPKIT_PLATFORM") and runner_python(opened_by_view()) is not None


def opened_by_view():
    """The folders a scenario's private view would open for its user on the way to the
    grader and its interpreter (a 0700 home folder holding pyenv), or none where scenarios get
    no view (engine/mounts.py)."""
    import sys

    import grader
    from grader.engine import mounts, namespaces

    if not view_requested() or not namespaces.supported()["view"]:
        return []
    return mounts.closed_folders([sys.prefix, sys.base_prefix, sys.exec_prefix,
                                  os.path.dirname(os.path.abspath(grader.__file__))])


def _reachable(path, opened=()):
    """Whether a user with no rights of its own can reach and read `path` (every folder on
    the way passable by others, or one of the `opened` folders, the file readable and, for
    programs, executable)."""
    import stat

    path = os.path.realpath(path)
    parts = path.split(os.sep)
    for index in range(2, len(parts)):
        folder = os.sep.join(parts[:index]) or os.sep
        if folder in opened:
            continue
        try:
            if not os.stat(folder).st_mode & stat.S_IXOTH:
                return False
        except OSError:
            return False
    try:
        return bool(os.stat(path).st_mode & stat.S_IROTH)
    except OSError:
        return False


def runner_python(opened=()):
    """The interpreter scenarios run under when they run as users of their own: the grader's
    own if other users can reach it and its standard library (`opened`: folders the view
    opens), else a system Python of the same version, else None."""
    import grader

    if not _reachable(grader.__file__, opened):  # the runner imports the grader's hooks
        return None
    return python_for_others(opened)


def python_for_others(opened=()):
    """This interpreter if other users can run it and read its standard library (`opened`:
    folders the view opens), else a system Python of the same version, else None."""
    import sys
    import sysconfig

    stdlib = sysconfig.get_paths()["stdlib"]
    if _reachable(sys.executable, opened) and _reachable(os.path.join(stdlib, "os.py"), opened):
        return sys.executable
    version = "python%d.%d" % sys.version_info[:2]
    for folder in ("/usr/bin", "/usr/local/bin"):
        candidate = os.path.join(folder, version)
        if os.path.isfile(candidate) and _reachable(candidate):
            return candidate
    return None


class Identity:
    """A uid (and the group of the same number) held for one scenario, or none at all."""

    def __init__(self, separate=True):
        import sys

        self.uid, self._lock, self.python = None, None, sys.executable
        if not separate or not available():
            return
        self.python = runner_python(opened_by_view())
        import fcntl

        folder = _lock_folder()
        base, count = uid_range()
        start = os.getpid() % count  # spread concurrent supervisors over the range
        for step in range(count):
            uid = base + (start + step) % count
            fd = os.open(os.path.join(folder, "%d.lock" % uid), os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue
            self.uid, self._lock = uid, fd
            return
        raise RuntimeError("every uid of %s..%s is in use by another scenario: raise %s"
                           % (base, base + count - 1, UID_COUNT_VAR))

    @classmethod
    def none(cls):
        """No user of its own: the runner runs as the grader's user."""
        return cls(separate=False)

    def popen_args(self):
        """subprocess.Popen arguments that start the runner as this user, with no other group."""
        if self.uid is None:
            return {}
        return {"user": self.uid, "group": self.uid, "extra_groups": []}

    def become(self):
        """In the runner, after what needs the grader's privileges: this user, with no other
        group (what popen_args() asks of an exec)."""
        become(self.popen_args())

    def own(self, workdir, cgroup_folders=()):
        """Give the scenario's private folders to this user (0700), keep the scenario's own
        folder the grader's (0711: passable, not listable), and let the user move itself into
        the scenario's cgroups."""
        if self.uid is None:
            return
        os.chmod(workdir, 0o711)
        for name in PRIVATE_FOLDERS:
            top = os.path.join(workdir, name)
            if not os.path.isdir(top):
                continue
            for root, dirs, files in os.walk(top):
                for path in [root] + [os.path.join(root, f) for f in files]:
                    os.lchown(path, self.uid, self.uid)
            os.chmod(top, 0o700)
        for folder in cgroup_folders:
            for name in ("cgroup.procs", "tasks"):
                try:
                    os.chown(os.path.join(folder, name), self.uid, -1)
                except OSError:
                    pass

    def processes(self):
        """Every process of the machine running as this user."""
        import psutil

        if self.uid is None:
            return []
        found = []
        for proc in psutil.process_iter(["uids"]):
            try:
                if proc.info["uids"] and proc.info["uids"].real == self.uid:
                    found.append(proc)
            except (psutil.Error, AttributeError):
                pass
        return found

    def remove_leftover_files(self):
        """Files this user left in the shared temporary folders (semaphores in /dev/shm,
        files in /tmp): removed. Returns how many."""
        if self.uid is None:
            return 0
        removed = 0
        for folder in SHARED_TMP:
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                try:
                    if entry.stat(follow_symlinks=False).st_uid != self.uid:
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        import shutil

                        shutil.rmtree(entry.path, ignore_errors=True)
                    else:
                        os.unlink(entry.path)
                    removed += 1
                except OSError:
                    pass
        return removed

    def release(self):
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def become(user):
    """Take on `user` (popen_args()'s form; empty: stay who we are), with no other group."""
    if user:
        os.setgroups([])
        os.setgid(user["group"])
        os.setuid(user["user"])


def scenarios_folder():
    """Where scenario folders go when scenarios run as users of their own: a folder of root's
    that others may pass but not list or write (0711), outside any private TMPDIR; else None
    (the usual temporary folder)."""
    if not (requested() and available()):
        return None
    folder = scenarios_path()
    try:
        os.mkdir(folder, 0o711)
    except FileExistsError:
        pass
    info = os.lstat(folder)
    if info.st_uid != 0 or info.st_mode & 0o777 != 0o711:
        raise RuntimeError("%s must be root's, with mode 0711" % folder)
    return folder


def scenarios_path():
    """Where scenario folders of users of their own go: outside /tmp, which each scenario sees
    as a private tmpfs of its own (engine/mounts.py)."""
    return "/run/mpkit-scenarios" if os.path.isdir("/run") else "/tmp/mpkit-scenarios"


def _lock_folder():
    """A folder only root can write, for the uid locks."""
    folder = os.path.join("/run" if os.path.isdir("/run") else "/tmp", "mpkit-uids")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    info = os.lstat(folder)
    if info.st_uid != 0 or info.st_mode & 0o022:
        raise RuntimeError("%s must belong to root and be writable by root only" % folder)
    return folder


def not_dumpable():
    """Make this process's memory and descriptors unreadable through /proc and ptrace by
    processes of the same user (Linux: PR_SET_DUMPABLE 0). Returns whether it worked."""
    if not os.path.isdir("/proc") or os.environ.get("MPKIT_PLATFORM"):
        return False
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0) == 0  # PR_SET_DUMPABLE
    except (OSError, AttributeError):
        return False
