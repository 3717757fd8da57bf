"""A private view of the file system for one scenario (Linux).

The supervisor, a process of its own per scenario, enters a new mount namespace before it
starts the runner, so the student's processes inherit it and nothing they see reaches the rest
of the machine. As root (with a user per scenario) that needs CAP_SYS_ADMIN; a grader that is
not root gets the same view through a user namespace of its own, which owns the mount
namespace (the kernel must allow unprivileged user namespaces). The runner holds no
capability in either case (an exec'd one loses them, a warm one drops them: engine/warm.py).

- ``/tmp``, ``/var/tmp`` and ``/dev/shm`` are empty tmpfs of the scenario's own (named
  semaphores and temporary files of other scenarios, and of the grader, are out of sight);
- the folders the grader names as off limits (the submissions it grades, which the scenario
  has its own copy of, and the reference solutions and tests next to a checkout of the kit)
  are covered by an empty read-only tmpfs;
- the grader's installation is read-only (which matters where the student's processes run as
  the grader's own user), and holds only what the runner imports (the engine, and the grader
  modules its driver's code imports: judging/handover.py): the checks, with the hidden tests'
  inputs and the judges, the course and the rest of the grader are out of sight;
- a folder other users cannot pass through on the way to what a scenario's own user needs
  (the grader's Python under a 0700 home folder) is replaced by a passable tmpfs holding only
  that, so the runner can be forked from the grader's warm interpreter (engine/warm.py)
  rather than exec'd from another Python, and the rest of that folder is out of sight;
- what the scenario needs inside one of those temporary folders (its own folder, the grader,
  the interpreter) is bound back at the same path.

The mounts end with the namespace, when the scenario's last process has gone: nothing is left
on the machine. Where the kernel refuses (no CAP_SYS_ADMIN, as in a default Docker container),
the layer is named as missing and file permissions remain the only barrier.

``probe_view()`` tries the whole view in the process that calls it (engine/namespaces.py's probe).
"""
import os

CLONE_NEWNS, CLONE_NEWUSER = 0x00020000, 1 << 28
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 0x20, 0x1000, 0x4000, 0x40000
MS_NOATIME, MS_NODIRATIME, MS_RELATIME, MS_STRICTATIME = 0x400, 0x800, 1 << 21, 1 << 24
PR_GET_DUMPABLE, PR_SET_DUMPABLE = 3, 4
ST_RELATIME = 0x1000  # statvfs's f_flag; its other bits below 0x1000 are the MS_ ones
PRIVATE_TMP = ("/tmp", "/var/tmp", "/dev/shm")
TMP_SIZE = "size=%dk,mode=1777"
HIDDEN = "size=4k,mode=0555"
OPENED = "size=%dk,mode=0755"  # root's: passable and readable, written by nobody else


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


def _as_root():
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _within(path, folder):
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def hideable(candidates, needed):
    """The existing folders to cover for `candidates`: each one that contains none of the
    `needed` paths, and of one that does (the checkout a grader runs from, holding the grader
    and its virtual environment), every folder inside it that holds none of them, down to the
    needed ones: a checkout's build/, .git/, notebooks/, another copy of the grader."""
    needed = [os.path.realpath(p) for p in needed if p]
    chosen = []

    def visit(path, depth):
        if path == os.sep or path in chosen:
            return
        if not any(_within(n, path) for n in needed):
            chosen.append(path)
        elif depth < MAX_HIDE_DEPTH and path not in needed:
            for child in _folders_in(path):
                visit(child, depth + 1)

    for path in candidates:
        if path and os.path.isdir(path):
            visit(os.path.realpath(path), 0)
    return chosen


MAX_HIDE_DEPTH = 4  # folders below a candidate looked into on the way to a needed path


def _folders_in(path):
    """The folders in `path` (a real path, no link on the way): their paths are real too, as
    a folder that is not a link adds no link to the way (no realpath, with its stat of every
    part, needed)."""
    try:
        return sorted(e.path for e in os.scandir(path) if e.is_dir(follow_symlinks=False))
    except OSError:
        return []


def enter_private_view(hide, needed, tmp_kb, read_only=(), opened=(), only=None):
    """Enter a mount namespace with private temporary folders, `hide` covered, `read_only`
    made so, the folders in `opened` replaced by passable ones holding only the `needed`
    paths inside them and, with `only` = (folder, paths), that folder replaced by a read-only
    one holding only those paths (see the module's docstring). Must run single-threaded, before
    the runner starts. Raises OSError when the kernel refuses; the caller names the layer as
    missing."""
    libc = _libc()
    if _as_root():
        _call(libc.unshare(CLONE_NEWNS), "unshare")
    else:
        _own_user_namespace(libc)
    _mount(libc, "none", "/", None, MS_REC | MS_PRIVATE, None)  # nothing propagates back
    needed = [os.path.realpath(n) for n in needed if n and os.path.exists(n)]
    for folder in read_only:
        _read_only(libc, os.path.realpath(folder))
    private = [f for f in PRIVATE_TMP if os.path.isdir(f)]
    for folder in private:
        _private_tmp(libc, folder, [n for n in needed if _within(n, folder)], tmp_kb)
    opened = [f for f in opened if not any(_within(f, p) for p in private)]
    for folder in opened:
        _private_tmp(libc, folder, [n for n in needed if _within(n, folder)], 64, OPENED)
    covered = private + opened
    hidden = [f for f in hideable(hide, needed) if not any(_within(f, p) for p in covered)]
    for folder in hidden:
        try:
            _mount(libc, "mpkit-hidden", folder, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, HIDDEN)
        except (FileNotFoundError, NotADirectoryError):  # gone since it was listed (another
            pass                                        # scenario's folder): nothing to cover
    if only is not None:
        _only(libc, *only)
    return private, hidden


def _only(libc, folder, keep):
    """`folder` replaced by a read-only tmpfs holding only the paths of `keep` inside it, bound
    back as they were (what the runner needs of the grader, none of the rest)."""
    folder = os.path.realpath(folder)
    keep = [os.path.realpath(k) for k in keep if os.path.exists(k)]
    _private_tmp(libc, folder, [k for k in keep if k != folder and _within(k, folder)], 64, OPENED)
    _mount(libc, "none", folder, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, None)


def _own_user_namespace(libc):
    """Become the owner of a new user namespace, and of a mount namespace in it, mapping this
    user and group to themselves (so files keep their owner)."""
    uid, gid = os.geteuid(), os.getegid()
    _call(libc.unshare(CLONE_NEWUSER | CLONE_NEWNS), "unshare")
    dumpable = libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
    libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)  # a supervisor is not dumpable: /proc/self is root's
    try:
        for name, text in (("setgroups", "deny"), ("uid_map", "%d %d 1" % (uid, uid)),
                           ("gid_map", "%d %d 1" % (gid, gid))):
            with open("/proc/self/" + name, "w") as f:
                f.write(text)
    finally:
        libc.prctl(PR_SET_DUMPABLE, dumpable, 0, 0, 0)


def _private_tmp(libc, folder, keep, tmp_kb, options=TMP_SIZE):
    """An empty tmpfs over `folder`, with the paths in `keep` bound back where they were (the
    folders on the way made passable by all)."""
    keep = sorted({k for k in keep if not any(k != other and _within(k, other) for other in keep)})
    handles = [os.open(k, os.O_PATH) for k in keep]  # the old files, reachable after the mount
    umask = os.umask(0o022)
    try:
        _mount(libc, "mpkit-tmp", folder, "tmpfs", MS_NOSUID | MS_NODEV, options % tmp_kb)
        for path, handle in zip(keep, handles):
            if os.path.isdir("/proc/self/fd/%d" % handle):
                os.makedirs(path)
            else:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                open(path, "x").close()
            _mount(libc, "/proc/self/fd/%d" % handle, path, None, MS_BIND | MS_REC, None)
    finally:
        os.umask(umask)
        for handle in handles:
            os.close(handle)


def closed_folders(paths):
    """For each of `paths`, the highest folder above it that other users cannot pass through
    (a 0700 home folder holding the grader's Python), if any: what a view must open for a
    scenario's own user to reach that path."""
    import stat

    found = []
    for path in paths:
        parts = os.path.realpath(path).split(os.sep)
        for index in range(2, len(parts)):
            folder = os.sep.join(parts[:index])
            try:
                passable = os.stat(folder).st_mode & stat.S_IXOTH
            except OSError:
                break
            if not passable:
                if folder not in found:
                    found.append(folder)
                break
    return found


def _read_only(libc, folder):
    """Bind `folder` onto itself and make that read-only, keeping the flags the kernel locks
    inside a user namespace (nosuid, nodev, noexec and the atime mode)."""
    flags = os.statvfs(folder).f_flag
    kept = flags & (MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME)
    if not flags & MS_NOATIME:
        kept |= MS_RELATIME if flags & ST_RELATIME else MS_STRICTATIME
    _mount(libc, folder, folder, None, MS_BIND | MS_REC, None)
    _mount(libc, "none", folder, None, MS_REMOUNT | MS_BIND | MS_RDONLY | kept, None)


def probe_view():
    """The whole view, in this process: private temporary folders, and the grader read-only,
    holding only its engine."""
    grader_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    enter_private_view([], [grader_dir], 64, read_only=[grader_dir],
                       only=(grader_dir, [os.path.dirname(os.path.abspath(__file__))]))
