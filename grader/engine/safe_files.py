"""Reading files that someone else could have put there, without following them anywhere.

The trusted side reads files that it did not write: a submission's module (in the student's
folder) and what a scenario wrote in its own folders (events, stack dumps, outputs). Any of
them may be a symbolic link to a file the grader can read and the writer cannot, a FIFO that
blocks its reader for ever, a device, or far larger than anything worth reading. `read`:

* opens every component below a folder the caller trusts (`beneath`) one at a time, relative
  to the folder before it and with ``O_NOFOLLOW``, so no link anywhere on the way is followed
  (a link is ``Refused``, never an error of another kind);
* never blocks on a FIFO (``O_NONBLOCK``), and checks on the descriptor it opened that it is a
  regular file (``fstat``: no race between the check and the read);
* reads at most `cap` bytes.

Where the platform has no ``dir_fd`` (Windows), each component is checked with ``lstat``
first: the same refusals, with a window between check and open that only the submission's own
author, on their own machine, could use.
"""
import errno
import os
import stat

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_READ = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
         | getattr(os, "O_BINARY", 0) | _NOFOLLOW)
_AT = os.open in getattr(os, "supports_dir_fd", ()) and bool(_NOFOLLOW and _DIRECTORY)
_LINK_ERRORS = (errno.ELOOP, getattr(errno, "EMLINK", errno.ELOOP))  # EMLINK: BSD's O_NOFOLLOW

LINK, SPECIAL = "link", "special"


class Refused(OSError):
    """A file the trusted side will not read: `reason` is LINK (the file, or a folder on the
    way to it, is a symbolic link) or SPECIAL (a FIFO, a device, a socket, a folder)."""

    def __init__(self, path, reason):
        super().__init__(errno.EPERM, "%s is %s" % (path, "a symbolic link" if reason == LINK
                                                   else "not a regular file"))
        self.filename = path
        self.reason = reason


def read(path, cap, beneath=None):
    """(the first `cap` bytes of the regular file at `path`, its size). `beneath`: a folder the
    caller trusts, which `path` lies in; no component after it may be a link. Without it, only
    the last component is protected. Raises Refused, or OSError (missing, unreadable)."""
    fd = open_regular(path, beneath)
    try:
        size = os.fstat(fd).st_size
        chunks, left = [], cap
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks), size
    finally:
        os.close(fd)


def read_text(path, cap, beneath=None):
    """The first `cap` bytes of a regular file, as text (undecodable bytes replaced)."""
    return read(path, cap, beneath)[0].decode("utf-8", "replace")


def open_regular(path, beneath=None):
    """A read-only descriptor of the regular file at `path` (see `read`); the caller closes it."""
    parts = _parts(path, beneath)
    if not _AT:
        _check_by_lstat(path, beneath, parts)
        fd = os.open(path, _READ)
    else:
        folder = os.open(beneath if beneath is not None else os.path.dirname(path) or ".",
                         os.O_RDONLY | _DIRECTORY | getattr(os, "O_CLOEXEC", 0))
        try:
            for part in parts[:-1]:
                inner = _open_at(part, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | os.O_CLOEXEC,
                                 folder, path)
                os.close(folder)
                folder = inner
            fd = _open_at(parts[-1], _READ, folder, path)
        finally:
            os.close(folder)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise Refused(path, SPECIAL)
    return fd


def _parts(path, beneath):
    if beneath is None:
        return [os.path.basename(path)]
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(beneath))
    parts = relative.split(os.sep)
    if relative == os.curdir or os.pardir in parts:
        raise Refused(path, SPECIAL)  # not a file below `beneath`
    return parts


def _open_at(name, flags, folder, path):
    try:
        return os.open(name, flags, dir_fd=folder)
    except OSError as exc:
        if exc.errno in _LINK_ERRORS or (exc.errno == errno.ENOTDIR and _is_link_at(name, folder)):
            raise Refused(path, LINK) from None
        raise


def _is_link_at(name, folder):
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode)
    except (OSError, NotImplementedError):
        return False


def _check_by_lstat(path, beneath, parts):
    here = beneath if beneath is not None else os.path.dirname(path)
    for part in parts:
        here = os.path.join(here, part) if here else part
        info = os.lstat(here)
        if stat.S_ISLNK(info.st_mode) or getattr(os.path, "isjunction", lambda p: False)(here):
            raise Refused(path, LINK)


def write(beneath, relative, data):
    """Write `data` (bytes) to the file `relative` (a path with "/") below the folder
    `beneath`, atomically (a new file, then a rename), making its folders as needed. No link
    below `beneath` is followed (Refused): a student's folder may hold a link where the
    grader's own file goes, to make the grader write elsewhere."""
    parts = relative.split("/")
    if not _AT:
        return _write_by_path(beneath, parts, data)
    folder = os.open(beneath, os.O_RDONLY | _DIRECTORY | os.O_CLOEXEC)
    try:
        for part in parts[:-1]:
            try:
                os.mkdir(part, 0o755, dir_fd=folder)
            except FileExistsError:
                pass
            inner = _open_at(part, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | os.O_CLOEXEC, folder,
                             os.path.join(beneath, *parts))
            os.close(folder)
            folder = inner
        temp = ".%s-%s.tmp" % (parts[-1], os.urandom(6).hex())
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | os.O_CLOEXEC,
                     0o644, dir_fd=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(temp, parts[-1], src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            _unlink_quietly(temp, folder)
            raise
    finally:
        os.close(folder)


def _unlink_quietly(name, folder):
    try:
        os.unlink(name, dir_fd=folder)
    except OSError:
        pass


def _write_by_path(beneath, parts, data):
    path = os.path.join(beneath, *parts)
    here = beneath
    for part in parts[:-1]:
        here = os.path.join(here, part)
        os.makedirs(here, exist_ok=True)
    _check_by_lstat(os.path.dirname(path), beneath, parts[:-1])
    temp = "%s-%s.tmp" % (path, os.urandom(6).hex())
    with open(temp, "xb") as f:
        f.write(data)
    os.replace(temp, path)
