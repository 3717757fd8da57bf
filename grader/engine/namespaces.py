"""Which of a scenario's own namespaces the kernel allows here: the private view (mounts.py),
then inside it a pid namespace (pidns.py), a network and an IPC namespace (netipc.py).

One fresh interpreter tries them all, in the order a supervisor enters them (forking a grader
that runs threads could hang the child in the loader, hence not a fork): ``python
namespaces.py`` exits with a bit set for each it could not have. Its answer does not change
until the machine boots again, so it is kept for the boot: in a file of the grading user's own
(a folder of /run that only it may write, which every scenario's view covers), beside the boot's
id, the interpreter and this grader. A file that is not exactly that (another owner, writable by
others, a link, another boot or Python) is ignored and the probe runs again.
"""
import functools
import json
import os
import stat
import sys

VIEW, PID, NETWORK, IPC = 1, 2, 4, 8
NONE = {"view": False, "pid": False, "network": False, "ipc": False}
BOOT_ID = "/proc/sys/kernel/random/boot_id"
CACHE_VARIABLE = "MPKIT_PROBE_CACHE"  # "0": probe every time; a folder: keep the answer there


@functools.lru_cache(maxsize=None)
def supported():
    """{"view", "pid", "network", "ipc"} -> bool: what a scenario could have here."""
    if not sys.platform.startswith("linux") or os.environ.get("MPKIT_PLATFORM") or not hasattr(os, "geteuid"):
        return dict(NONE)
    key = _key()
    kept = _kept(key) if key else None
    if kept is not None:
        return kept
    status = _run_probe()
    found = answer(status)
    if key and status is not None:  # not a probe that could not run or end in time (a busy machine)
        _keep(key, found)
    return found


def answer(status):
    """The probe's exit status (None: it could not run or end in time) as supported()'s dict."""
    if status is None or status < 0 or status & VIEW or status > 15:
        return dict(NONE)
    return {"view": True, "pid": not status & PID, "network": not status & NETWORK, "ipc": not status & IPC}


def _run_probe():
    import subprocess

    try:
        return subprocess.run([sys.executable, os.path.abspath(__file__)], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30).returncode
    except (OSError, subprocess.SubprocessError):
        return None


# ---- the answer kept for the boot


def cache_folder():
    """The grading user's folder for the answer (MPKIT_PROBE_CACHE, else one of /run), or None
    (no /run of ours, or MPKIT_PROBE_CACHE=0)."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen:
        return None if chosen == "0" else os.path.abspath(chosen)
    uid = os.geteuid()
    base = "/run" if uid == 0 else os.path.join("/run/user", str(uid))
    return os.path.join(base, "mpkit") if os.path.isdir(base) else None


def _key():
    try:
        with open(BOOT_ID, encoding="ascii") as f:
            boot = f.read(64).strip()
    except OSError:
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    probe = {}  # the probe's code as it is now: a changed grader probes again
    for name in ("namespaces.py", "mounts.py", "pidns.py", "netipc.py"):
        try:
            st = os.stat(os.path.join(here, name))
            probe[name] = [st.st_size, st.st_mtime_ns]
        except OSError:
            return None
    return {"boot": boot, "python": os.path.realpath(sys.executable), "version": sys.version,
            "grader": here, "probe": probe, "uid": os.geteuid()}


def _ours(fd, folder=False):
    """Whether an open file or folder is this user's and nobody else may write it."""
    st = os.fstat(fd)
    kind = stat.S_ISDIR if folder else stat.S_ISREG
    return kind(st.st_mode) and st.st_uid == os.geteuid() and not st.st_mode & 0o022


def _kept(key):
    from grader.engine import safe_files

    folder = cache_folder()
    if folder is None:
        return None
    try:
        fd = safe_files.open_regular(os.path.join(folder, "namespaces.json"))
        try:
            if not (_ours(fd) and _folder_ours(folder)):
                return None
            data = json.loads(os.read(fd, 8192))
        finally:
            os.close(fd)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("found"), dict) \
            or set(data["found"]) != set(NONE) or not all(type(v) is bool for v in data["found"].values()):
        return None
    return data["found"]


def _folder_ours(folder):
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        return _ours(fd, folder=True)
    finally:
        os.close(fd)


def _keep(key, found):
    from grader.engine import safe_files

    folder = cache_folder()
    if folder is None:
        return
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return
    if not _folder_ours(folder):
        return
    try:
        safe_files.write(folder, "namespaces.json", json.dumps({"key": key, "found": found}).encode("utf-8"))
    except OSError:
        pass


# ---- the probe, run as a script


def _probe():
    """In this process, as a supervisor would: the private view, then a pid namespace (in a
    child, whose own child must be pid 2 there), a network and an IPC namespace."""
    from grader.engine import mounts, netipc, pidns

    try:
        mounts.probe_view()
    except OSError:
        return VIEW | PID | NETWORK | IPC
    status = 0
    pid = os.fork()
    if pid == 0:  # unsharing a pid namespace changes what this process's children get
        code = 1
        try:
            code = 0 if pidns.probe_inside() else 1
        finally:
            os._exit(code)
    _, waited = os.waitpid(pid, 0)
    if waited != 0:
        status |= PID
    try:
        netipc.enter_network()
        netipc.loopback_works()
    except OSError:
        status |= NETWORK
    try:
        netipc.enter_ipc()
    except OSError:
        status |= IPC
    return status


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    sys.exit(_probe())
