"""The other ways processes meet:

* a Manager's locks held through their proxies (``locks._proxies_held``, which stdout writes
  report) and writes into a manager's objects through a proxy (``proxy_write``), in the
  process that made them;
* a Pool made (``pool``) and, when a pool exercise's driver asks, each way the student's code
  ends a Pool or a ProcessPoolExecutor (``pool_end``);
* Event.wait(), set() and clear() (``event_wait``, ``event_set``, ``event_clear``) and, when an
  Event exercise's driver asks, the moment of each Queue.put() (``work_put``) and either a set()
  held until the children wait, or each child's first wait() held until the children started
  before it have ended (``late_waits``);
* Barrier.wait() (``barrier_wait``), with the barrier's identity and its parties.
"""
import os
import time

from grader.engine.hooks import holds, locks, process, record, where

_PROXY_WRITES = ("__setitem__", "update", "setdefault")
_DELIVERIES = _PROXY_WRITES + ("append", "extend", "insert", "put", "put_nowait")  # held like a put
_SEMAPHORES = ("Semaphore", "BoundedSemaphore")
_hold = {"seconds": 0.0}  # runner only: how long a set() of an Event waits for the children


def _patch_manager_locks():
    """A Manager's Lock lives in the manager's process; the process that acquires it through
    its proxy is seen here, with an identity (the manager's address and the object's id)
    that is the same in every process sharing it. Writes into a manager's dict through a proxy
    (`proxy_write`) are seen the same way, in the writing process."""
    from multiprocessing import managers

    proxy = managers.AcquirerProxy
    acquire, release = proxy.acquire, proxy.release

    def ident(self):
        token = self._token
        return "M%s/%s" % (token.address, token.id)

    def note(self, change):
        if self._token.typeid in _SEMAPHORES:  # a Manager's Semaphore: held, acquired, released
            locks.note_semaphore(ident(self), change)
            return
        held = locks._proxies_held.setdefault(os.getpid(), {})
        held[ident(self)] = held.get(ident(self), 0) + change

    def patched_acquire(self, blocking=True, timeout=None):
        got = acquire(self, blocking, timeout)
        if got:
            note(self, 1)
        return got

    def patched_release(self):
        note(self, -1)  # before the release: another process may take it at once
        release(self)

    def patched_enter(self):
        got = self._callmethod("acquire")
        note(self, 1)
        return got

    def patched_exit(self, *exc):
        note(self, -1)
        return self._callmethod("release")

    proxy.acquire, proxy.release, proxy.__enter__, proxy.__exit__ = (
        patched_acquire, patched_release, patched_enter, patched_exit)

    callmethod = managers.BaseProxy._callmethod

    def patched_callmethod(self, methodname, args=(), kwds={}):
        if methodname in _PROXY_WRITES:  # who wrote into a manager's object, from which process
            _proxy_write(self, methodname, args, kwds)
        if methodname in _DELIVERIES and os.environ.get("MPKIT_LATE_FIRST") == "1" and not where._is_runner():
            holds.late_put()  # a result handed over through a manager, like a Queue.put()
        return callmethod(self, methodname, args, kwds)

    managers.BaseProxy._callmethod = patched_callmethod
    _watch_manager_semaphores(managers)


def _watch_manager_semaphores(managers):
    """A Semaphore the student's code asks a Manager for: its identity (the one its proxies
    carry in every process) and the value it was made with, as for a Semaphore of its own."""
    create = managers.BaseManager._create

    def patched_create(self, typeid, *args, **kwds):
        token, exposed = create(self, typeid, *args, **kwds)
        if typeid in _SEMAPHORES:
            value = args[0] if args else kwds.get("value", 1)
            record.emit("semlock", id="M%s/%s" % (token.address, token.id), name=None,
                        maxvalue=None, value=value, manager=True)
        return token, exposed

    managers.BaseManager._create = patched_create


def _proxy_write(proxy, methodname, args, kwds):
    try:
        from grader.engine.values import digest

        if methodname == "update":
            pairs = dict(*args, **kwds)
            keys = list(pairs)[:50]
        else:
            keys = list(args[:1])
        token = proxy._token
        record.emit("proxy_write", method=methodname, typeid=token.typeid,
                    object="M%s/%s" % (token.address, token.id), keys=[digest(key) for key in keys])
    except Exception:
        pass


def _patch_pool():
    """A Pool made, with how many workers and how many tasks each may run."""
    from multiprocessing import pool

    init = pool.Pool.__init__

    def patched_init(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, *args, **kwargs):
        record.emit("pool", processes=processes, maxtasksperchild=maxtasksperchild, ident=id(self))
        init(self, processes, initializer, initargs, maxtasksperchild, *args, **kwargs)

    pool.Pool.__init__ = patched_init


def watch_pool_ends():
    """In the runner, when a pool exercise's driver asks: each way the student's code ends a
    Pool or a ProcessPoolExecutor (close, join, terminate, `with`, shutdown), recorded as the
    student's own call, so a pool the garbage collector happens to clean up is not mistaken for
    one the student closed. The executor is patched here, not in every process: importing
    concurrent.futures costs every process of every scenario otherwise."""
    from concurrent.futures import process as futures
    from multiprocessing import pool

    def watch(cls, name, kind):
        original = getattr(cls, name)

        def patched(self, *args, **kwargs):
            if where._called_by_student():
                record.emit("pool_end", how=name, api=kind, ident=id(self))
            return original(self, *args, **kwargs)

        setattr(cls, name, patched)

    for name in ("close", "join", "terminate", "__exit__"):
        watch(pool.Pool, name, "pool")
    watch(futures.ProcessPoolExecutor, "shutdown", "executor")
    watch(futures.ProcessPoolExecutor, "__exit__", "executor")
    init = futures.ProcessPoolExecutor.__init__

    def patched_init(self, max_workers=None, *args, **kwargs):
        record.emit("pool", processes=max_workers, api="executor", ident=id(self))
        init(self, max_workers, *args, **kwargs)

    futures.ProcessPoolExecutor.__init__ = patched_init


def hold_event_sets(seconds):
    """In the runner, when an Event exercise's driver asks: every Event.set() first waits, up
    to `seconds`, until each child the runner started is waiting on that event or has ended.
    A child that works before the start signal then always does so before the set, whatever
    the scheduler does, instead of only when it happens to be quick."""
    _hold["seconds"] = seconds
    os.environ["MPKIT_WATCH_PUTS"] = "1"  # children started from now on note each put()


def hold_event_waits(seconds):
    """In the runner, when an Event exercise's driver asks: the opposite order to
    hold_event_sets, which it ends. Each child started from now on begins its first
    Event.wait() only once every child started before it (from now on) has ended, up to
    `seconds` (holds.late_wait). A program that works only when every worker is already waiting
    at the set (its workers clear() the event once through, say) then hangs every time, as it
    does for real whenever the set comes before a worker's wait."""
    _hold["seconds"] = 0.0
    record.emit("late_waits", seconds=seconds)


def _event_id(event):
    return locks.lock_id(event._flag)


def _settled(pid, ident):
    """Whether child `pid` has been seen (in its own log) waiting on event `ident`, or ending. A
    wait with a time limit shorter than the hold is let run out first, the set then coming after
    the child's next put() or wait(): a worker that goes on once its wait gave up, as when the
    start comes late for real, then always does so before the set."""
    gave_up = False
    for event in holds.log_of(pid):
        kind = event.get("kind")
        if kind in ("child_end", "exception") or gave_up and kind in ("work_put", "event_wait"):
            return True
        if kind == "event_wait" and event.get("id") == ident and not _gives_up(event):
            return True
        gave_up = gave_up or kind == "event_gave_up" and event.get("id") == ident
    return False


def _gives_up(wait_event):
    timeout = wait_event.get("timeout")
    return type(timeout) in (int, float) and timeout < _hold["seconds"]


def _hold_set(ident):
    pending = [pid for pid in (process.process_facts(p)["pid"] for p in record.started) if pid]
    end = time.monotonic() + _hold["seconds"]
    while pending and time.monotonic() < end:  # the children's own logs, with a deadline
        pending = [pid for pid in pending if not _settled(pid, ident)]
        if pending:
            time.sleep(0.005)


def _patch_event():
    """Event.wait(), set() and clear(), with the event's identity (its semaphore's), in every
    process; and, while an Event exercise asks, the moment of each Queue.put() call."""
    from multiprocessing import synchronize

    cls = synchronize.Event
    wait, set_, clear = cls.wait, cls.set, cls.clear

    def patched_wait(self, timeout=None):
        if os.environ.get("MPKIT_WATCH_PUTS") == "1" and not where._is_runner():
            holds.late_wait(self)
        record.emit("event_wait", id=_event_id(self), timeout=timeout)
        got = wait(self, timeout)
        if not got:
            record.emit("event_gave_up", id=_event_id(self))
        return got

    def patched_clear(self):
        record.emit("event_clear", id=_event_id(self))
        return clear(self)

    def patched_set(self):
        if _hold["seconds"] and where._is_runner():
            _hold_set(_event_id(self))
        record.emit("event_set", id=_event_id(self))
        return set_(self)

    cls.wait, cls.set, cls.clear = patched_wait, patched_set, patched_clear
    from multiprocessing import queues

    put = queues.Queue.put

    def patched_put(self, obj, block=True, timeout=None):
        if os.environ.get("MPKIT_WATCH_PUTS") == "1":  # the moment of the call, not of the feeder's send
            record.emit("work_put", at=where.student_line())  # not "put", which the timeline records apart from the judge
        if os.environ.get("MPKIT_LATE_FIRST") == "1" and not where._is_runner():
            holds.late_put()
        return put(self, obj, block, timeout)

    queues.Queue.put = patched_put
    simple_put = queues.SimpleQueue.put

    def patched_simple_put(self, obj):
        if os.environ.get("MPKIT_LATE_FIRST") == "1" and not where._is_runner():
            holds.late_put()
        return simple_put(self, obj)

    queues.SimpleQueue.put = patched_simple_put


def _patch_barrier():
    """Barrier.wait(), with the barrier's identity (its condition's lock) and its parties."""
    from multiprocessing import synchronize

    wait = synchronize.Barrier.wait

    def patched_wait(self, timeout=None):
        record.emit("barrier_wait", id=locks.lock_id(self._cond._lock), parties=self._parties)
        return wait(self, timeout)

    synchronize.Barrier.wait = patched_wait
