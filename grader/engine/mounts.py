"""A private view of the file system for one scenario (Linux, as root, with a user per scenario).

The supervisor, a process of its own per scenario, enters a new mount namespace before it
starts the runner, so the student's processes inherit it and nothing they see reaches the rest
of the machine:

- ``/tmp``, ``/var/tmp`` and ``/dev/shm`` are empty tmpfs of the scenario's own (named
  semaphores and temporary files of other scenarios, and of the grader, are out of sight);
- the folders the grader names as off limits (the submissions it grades, which the scenario
  has its own copy of, and the reference solutions and tests next to a checkout of the kit)
  are covered by an empty read-only tmpfs.

The mounts end with the namespace, when the scenario's last process has gone: nothing is left
on the machine. Where the kernel refuses (no CAP_SYS_ADMIN, as in a default Docker container),
the layer is named as missing and file permissions remain the only barrier.
"""
import functools
import os
import sys

CLONE_NEWNS = 0x00020000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REC, MS_PRIVATE = 0x4000, 0x40000
PRIVATE_TMP = ("/tmp", "/var/tmp", "/dev/shm")
TMP_SIZE = "size=%dk,mode=1777"
HIDDEN = "size=4k,mode=0555"


def _libc():
    import ctypes  # here, not at import: the module must import where ctypes cannot

    return ctypes.CDLL(None, use_errno=True)


def _call(result, what):
    import ctypes

    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, "%s: %s" % (what, os.strerror(err)))


def _mount(libc, source, target, fstype, flags, data):
    import ctypes

    _call(libc.mount(source.encode(), target.encode(), fstype.encode() if fstype else None,
                     ctypes.c_ulong(flags), data.encode() if data else None), "mount %s" % target)


@functools.lru_cache(maxsize=None)
def supported():
    """Whether a process could enter a mount namespace of its own here (tried once, in a fresh
    interpreter: forking a grader that runs threads could hang the child in the loader)."""
    if not sys.platform.startswith("linux") or os.environ.get("MPKIT_PLATFORM") \
            or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    import subprocess

    probe = "import ctypes, sys; sys.exit(ctypes.CDLL(None).unshare(%d) != 0)" % CLONE_NEWNS
    try:
        return subprocess.run([sys.executable, "-c", probe], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _within(path, folder):
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def hideable(candidates, needed):
    """The existing folders among `candidates` that contain none of the `needed` paths."""
    needed = [os.path.realpath(p) for p in needed if p]
    chosen = []
    for path in candidates:
        if not path or not os.path.isdir(path):
            continue
        path = os.path.realpath(path)
        if path == os.sep or any(_within(n, path) for n in needed) or path in chosen:
            continue
        chosen.append(path)
    return chosen


def enter_private_view(hide, needed, tmp_kb):
    """Enter a mount namespace with private temporary folders and `hide` covered (see the
    module's docstring). Must run single-threaded, before the runner starts. Raises OSError
    when the kernel refuses; the caller names the layer as missing."""
    libc = _libc()
    _call(libc.unshare(CLONE_NEWNS), "unshare")
    _mount(libc, "none", "/", None, MS_REC | MS_PRIVATE, None)  # nothing propagates back
    private = [f for f in PRIVATE_TMP if os.path.isdir(f)
               and not any(_within(os.path.realpath(n), f) for n in needed if n)]
    for folder in private:
        _mount(libc, "mpkit-tmp", folder, "tmpfs", MS_NOSUID | MS_NODEV, TMP_SIZE % tmp_kb)
    hidden = [f for f in hideable(hide, needed) if not any(_within(f, p) for p in private)]
    for folder in hidden:
        _mount(libc, "mpkit-hidden", folder, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, HIDDEN)
    return private, hidden
