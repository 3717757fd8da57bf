"""Shared memory: each way a process reads or writes a synchronized Value (``value_access``),
with whether it held the Value's own lock at that moment; each element a process writes into a
synchronized Array (``array_write``), with its value. multiprocessing.sharedctypes is patched
only once something imports it (it imports ctypes, which most scenarios never need).
"""
import os
import sys

from grader.engine.hooks import locks, record, where

MAX_ARRAY_NOTES = 500  # elements written into Arrays reported per process
_value_seen = set()  # (pid, lock, read or write, held) already reported
_array_seen = set()  # (pid, array, index, value) already reported


class _AfterImport:
    """A finder that lets the module `name` load as usual and then runs `patch(module)`: a
    module most scenarios never import (it imports ctypes) costs nothing until one does,
    whether it is imported by the student's code or by unpickling a Value in a spawn child."""

    def __init__(self, name, patch):
        self.name, self.patch = name, patch

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        import importlib.util

        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        exec_module, patch = spec.loader.exec_module, self.patch

        def exec_and_patch(module):
            exec_module(module)
            try:
                patch(module)
            except Exception as exc:
                record.emit("hook_missing", hook=getattr(patch, "__name__", "?"),
                            error="%s: %s" % (type(exc).__name__, exc))

        spec.loader.exec_module = exec_and_patch
        return spec


def _when_imported(name, patch):
    """patch(module) now if `name` is imported already, else right after it is."""
    if name in sys.modules:
        patch(sys.modules[name])
    else:
        sys.meta_path.insert(0, _AfterImport(name, patch))


def _patch_shared_value(sharedctypes):
    """Each way a process reads or writes a synchronized Value's `value` (Value(), not
    RawValue), reported once: whether this thread already held the Value's own lock
    (get_lock()) when it did, before the property takes that lock for the one read or write.
    A `+=` is a read then a write: it is safe only when both are made holding the lock."""
    cls = sharedctypes.Synchronized
    getter, setter = cls.value.fget, cls.value.fset

    def get_value(self):
        _note_access(self._lock, "read")
        return getter(self)

    def set_value(self, value):
        _note_access(self._lock, "write")
        setter(self, value)

    cls.value = property(get_value, set_value)
    _watch_raw_values(sharedctypes)


def _note_access(lock, op, via="value"):
    """A read or write of a synchronized Value (`via` its `value`, or its raw object's,
    "get_obj().value"), and whether this thread held its lock."""
    try:
        held = bool(lock._semlock._is_mine())
        key = (os.getpid(), locks.lock_id(lock), op, held, via)
        if key not in _value_seen:
            _value_seen.add(key)
            # unheld: the student's line, and whether another lock (one of its own) was held
            about = {} if held else {"at": where.student_line(),
                                     "other_lock": any(ident != key[1] for ident in locks.held_locks())}
            record.emit("value_access", op=op, held=held, lock=key[1], via=via, **about)
    except Exception:  # a lock of the student's own making: nothing to say about it
        pass


def _watch_raw_values(sharedctypes):
    """The other way to the same memory: a synchronized Value's raw ctypes object
    (`counter.get_obj().value`). Value() makes that object of a subclass of its ctypes type
    (same size, same value, same repr) whose `value` reports each read and write like the
    wrapper's, with the wrapper's lock: it learns that lock when the wrapper is made (again in
    each spawn child, which unpickles both)."""
    value, init = sharedctypes.Value, sharedctypes.SynchronizedBase.__init__

    def patched_value(typecode_or_type, *args, lock=True, ctx=None):
        type_ = sharedctypes.typecode_to_type.get(typecode_or_type, typecode_or_type)
        if lock is not False and _watchable(type_):
            typecode_or_type = _watched_type(type_)
        return value(typecode_or_type, *args, lock=lock, ctx=ctx)

    def patched_init(self, obj, lock=None, ctx=None):
        init(self, obj, lock, ctx)
        if isinstance(obj, _RawWatch):
            obj._mpkit_lock = self._lock

    sharedctypes.Value = patched_value
    sharedctypes.SynchronizedBase.__init__ = patched_init


class _RawWatch:
    """Mixed into the ctypes type of a synchronized Value: its `value` seen from outside
    sharedctypes (the wrapper's own reads and writes are seen by the wrapper)."""
    __slots__ = ()

    @property
    def value(self):
        self._mpkit_note("read")
        return self._mpkit_base.value.__get__(self)

    @value.setter
    def value(self, new):
        self._mpkit_note("write")
        self._mpkit_base.value.__set__(self, new)

    def _mpkit_note(self, op):
        lock = getattr(self, "_mpkit_lock", None)
        if lock is not None and not sys._getframe(2).f_code.co_filename.endswith("sharedctypes.py"):
            _note_access(lock, op, "get_obj().value")

    def __repr__(self):
        return "%s(%r)" % (self._mpkit_base.__name__, self._mpkit_base.value.__get__(self))

    def __reduce__(self):  # a plain copy outside a Value's own pickling: the base type's
        return self._mpkit_base, (self._mpkit_base.value.__get__(self),)


def _watchable(type_):
    import ctypes

    return isinstance(type_, type) and type_.__bases__ == (ctypes._SimpleCData,)


def _watched_type(base):
    """The watched subclass of ctypes type `base`, a global of this module so that it pickles
    by name into spawn children."""
    name = "_Watched_" + base.__name__
    watched = globals().get(name)
    if watched is None:
        watched = globals()[name] = type(name, (_RawWatch, base), {"_mpkit_base": base, "__module__": __name__,
                                                                    "__qualname__": name})
    return watched


def __getattr__(name):
    """A watched type named by a pickle, made on demand in a process that has not made it yet."""
    if name.startswith("_Watched_"):
        import ctypes

        base = getattr(ctypes, name[len("_Watched_"):], None)
        if _watchable(base):
            return _watched_type(base)
    raise AttributeError(name)


def _patch_shared_array(sharedctypes):
    """Each element a process writes into a synchronized Array (Array(), not RawArray) through
    `arr[i] = v` or a slice, with the value written, reported in the writing process: which
    process put each value into shared memory is then seen where it happened. An element
    written again with the same value is reported once."""
    cls = sharedctypes.SynchronizedArray
    setitem = cls.__setitem__

    def set_item(self, i, value):
        setitem(self, i, value)
        try:
            if isinstance(i, slice):
                at, values = list(range(*i.indices(len(self._obj)))), list(self._obj[i])
            else:
                at, values = [i if i >= 0 else i + len(self._obj)], [self._obj[i]]
            ident, pid = locks.lock_id(self._lock), os.getpid()
            fresh = [(k, v) for k, v in zip(at, values) if (pid, ident, k, v) not in _array_seen]
            fresh = fresh[:max(0, MAX_ARRAY_NOTES - len(_array_seen))]
            if fresh:
                _array_seen.update((pid, ident, k, v) for k, v in fresh)
                record.emit("array_write", array=ident, at=[k for k, _ in fresh], values=[v for _, v in fresh])
        except Exception:  # a lock of the student's own making: nothing to say about it
            pass

    cls.__setitem__ = set_item


def _patch_sharedctypes(sharedctypes):
    _patch_shared_value(sharedctypes)
    _patch_shared_array(sharedctypes)


def _watch_shared_values():
    _when_imported("multiprocessing.sharedctypes", _patch_sharedctypes)
