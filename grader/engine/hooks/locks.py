"""Locks and semaphores, and the stdout writes made while holding them.

* an identity for every lock (``lock_id``), made where the lock is created and carried with it
  across fork and pickling, so two locks never look alike whatever the start method; the
  SemLocks created (``semlock`` events), so that the supervisor can remove those left behind;
* every write to stdout with the locks the writer held at that moment (``WatchedStream``), a
  Manager's locks held through their proxies included (``_proxies_held``, kept by sync.py);
* each acquire and release of a Semaphore the student made (``watch_semaphore``), in every
  process that shares it;
* for the timeline, and for a shaken schedule (engine/shake.py): the student's locks acquired,
  waited for and released.
"""
import os
import sys
import time
import weakref

from grader.engine import shake
from grader.engine.hooks import record, where

_semlocks = weakref.WeakSet()
_lock_count = [0]
_proxies_held = {}  # {pid: {manager lock id: depth}}: locks of a Manager this process holds
_WATCHED = "S"  # the identity of a watched Semaphore starts with it, in every process
_sems_held = {}  # {pid: {semaphore id: depth}}: watched semaphores this process holds
_LOCK_STATE = "mpkit-lock"


def lock_id(semlock):
    """A lock's identity: made where the lock was created (pid and a count), and carried with
    it to every process that shares it, by fork or by pickling. Handles and names are not
    enough: locks that different forked children create can share a handle."""
    ident = semlock.__dict__.get("_mpkit_id")
    if ident:
        return ident
    name = semlock._semlock.name
    return name if name else "h%x" % semlock._semlock.handle


def _new_lock_id():
    _lock_count[0] += 1
    return "L%d.%d" % (os.getpid(), _lock_count[0])


def _is_lock(semlock):
    sl = semlock._semlock
    return sl.kind == 0 or sl.maxvalue == 1  # RLock, or Lock / BoundedSemaphore(1)


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
            record.emit("write", stream=self._mpkit_name, text=text[:record.MAX_TEXT], held=held_locks(),
                        at=where.student_line())
            shake.pause("write")
        return self._mpkit_stream.write(text)

    def __getattr__(self, name):
        return getattr(self._mpkit_stream, name)


def _patch_semlock():
    from multiprocessing import synchronize

    cls = synchronize.SemLock
    patched = dict(_semlock_init(cls, synchronize), **_semlock_pickling(cls), **_semlock_watching(cls))
    for name, value in patched.items():
        setattr(cls, name, value)
    _patch_semaphore_with(synchronize.Semaphore)


def _semlock_init(cls, synchronize):
    """A new SemLock gets its identity; a Semaphore the student made is watched; a lock the
    student made is noted on the timeline (or shaken)."""
    init = cls.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self._mpkit_id = _new_lock_id()
        if isinstance(self, synchronize.Semaphore) and _student_semaphore():
            watch_semaphore(self)
        _semlocks.add(self)
        watched = lock_id(self).startswith(_WATCHED)  # a student's Semaphore: its own watch
        if (record._TIMELINE or shake.ON) and not watched and _is_lock(self) and not where._made_by_library():
            self._mpkit_watch = True
            self._make_methods()
        record.emit("semlock", id=lock_id(self), name=self._semlock.name, maxvalue=self._semlock.maxvalue,
             value=args[1] if len(args) > 1 else kwargs.get("value"),
             at=where.student_line() if watched else None)

    return {"__init__": __init__}


def _semlock_pickling(cls):
    """The identity and the watch travel with a SemLock pickled for a spawn child."""
    getstate, setstate = cls.__getstate__, cls.__setstate__

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

    return {"__getstate__": __getstate__, "__setstate__": __setstate__}


def _semlock_watching(cls):
    """A watched lock's acquire and release (also through `with`) are _watched_methods'."""
    make_methods, enter, leave = cls._make_methods, cls.__enter__, cls.__exit__

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

    return {"_make_methods": _make_methods, "__enter__": __enter__, "__exit__": __exit__}


def _patch_semaphore_with(semaphore):
    """`with` a watched Semaphore goes through its watched acquire and release."""
    sem_enter, sem_exit = semaphore.__enter__, semaphore.__exit__

    def patched_enter(self):
        return self.acquire() if lock_id(self).startswith(_WATCHED) else sem_enter(self)

    def patched_exit(self, *exc):
        return self.release() if lock_id(self).startswith(_WATCHED) else sem_exit(self, *exc)

    semaphore.__enter__, semaphore.__exit__ = patched_enter, patched_exit


def _student_semaphore():
    """Whether the Semaphore being made was asked for by the student's code itself (not by a
    Queue, an Event or a Condition, which make semaphores of their own)."""
    from multiprocessing import context, synchronize

    folder = where._student_dir()
    frame = sys._getframe(2)
    while frame is not None and folder:
        path = frame.f_code.co_filename
        if path == synchronize.__file__:
            if not isinstance(frame.f_locals.get("self"), synchronize.Semaphore):
                return False
        elif path != context.__file__:
            return where._in_folder(path, folder)
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

    def watched_acquire(block=True, timeout=None):
        shake.pause("acquire")
        got = acquire(block, timeout)
        if got:
            note_semaphore(ident, 1)
        return got

    def watched_release():
        note_semaphore(ident, -1)
        try:
            return release()
        finally:
            shake.pause("release")

    semaphore.acquire, semaphore.release = watched_acquire, watched_release


def note_semaphore(ident, change):
    """Semaphore `ident` acquired (+1, after it succeeded) or about to be released (-1), in this
    process: a Semaphore of the student's own or a Manager's, through its proxy."""
    held = _sems_held.setdefault(os.getpid(), {})
    held[ident] = held.get(ident, 0) + change
    record.emit("sem_acquired" if change > 0 else "sem_released", id=ident)


def held_semaphores():
    return sorted(ident for ident, depth in _sems_held.get(os.getpid(), {}).items() if depth > 0)


def _watched_methods(lock):
    """acquire and release of a lock the student made, noting when it was taken, when the
    caller had to wait for it (a first try without blocking failed) and when it was given back."""
    semlock = lock._semlock
    raw_acquire, raw_release = semlock.acquire, semlock.release
    ident = lock_id(lock)

    def acquire(block=True, timeout=None):
        shake.pause("acquire")
        if raw_acquire(False):
            record.note("lock_acquired", lock=ident)
            return True
        if not block:
            return False
        record.note("lock_wait", lock=ident)
        got = raw_acquire(True, timeout)
        record.note("lock_acquired" if got else "lock_gave_up", lock=ident)
        return got

    def release():
        at = time.monotonic()  # before another process can take it
        raw_release()
        record.note("lock_release", at=at, lock=ident)
        shake.pause("release")

    return acquire, release
