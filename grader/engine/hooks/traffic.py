"""What travels between processes:

* every object multiprocessing pickles to send (``sent``) or unpickles on receipt
  (``received``), with a digest of the bytes and of the value, so the judge can tell which
  process an item came from;
* in the caller, the ways of giving up on receiving (``gave_up``, ``eof``) and each
  sentinel-like object put on a Queue, at the moment of the put (``sentinel_put``);
* for the timeline (and a shaken schedule): queue puts and gets, pipe sends and receives made by
  code outside multiprocessing itself, so a Queue's or a Manager's own traffic is left out.
"""
from grader.engine import shake
from grader.engine.hooks import locks, record, where

MAX_TRANSFERS = 1000
MAX_ITEMS = 50  # of a list or tuple sent whole (a manager's reply)


def _transfer(kind, obj, data):
    """One pickled object sent, or received, by this process."""
    try:
        record._state["transfers"] = record._state.get("transfers", 0) + 1
        if record._state["transfers"] > MAX_TRANSFERS:
            return
        import hashlib

        from grader.engine.values import digest

        if isinstance(obj, tuple) and len(obj) == 2 and obj[0] == "#RETURN":
            obj = obj[1]  # a manager's reply: what the caller's proxy call returns is its payload
        sequence = isinstance(obj, (list, tuple))
        extra = {}
        if kind == "received" and where._is_runner():  # which objects arrived, to follow them to the result
            extra["ids"] = [id(obj)] + ([id(item) for item in obj[:MAX_ITEMS]] if sequence else [])
        record.emit(kind, bytes=hashlib.sha256(bytes(data)).hexdigest()[:24], value=digest(obj),
                    type=type(obj).__name__, items=[digest(item) for item in obj[:MAX_ITEMS]] if sequence else None,
                    **extra)
    except Exception:
        pass


def _patch_pickler():
    """Queues, pipes and managers all pickle through ForkingPickler.dumps and loads."""
    from multiprocessing import reduction

    pickler = reduction.ForkingPickler
    dumps, loads = pickler.dumps.__func__, pickler.loads

    def patched_dumps(cls, obj, protocol=None):
        data = dumps(cls, obj, protocol)
        _transfer("sent", obj, data)
        return data

    def patched_loads(data, *args, **kwargs):
        obj = loads(data, *args, **kwargs)
        _transfer("received", obj, data)
        return obj

    pickler.dumps = classmethod(patched_dumps)
    pickler.loads = staticmethod(patched_loads)


def _patch_receiving():
    """In the caller, the ways of giving up on receiving that race with the sender: a poll()
    without a wait that finds nothing, an empty() that says True, a get_nowait() that finds
    nothing; and the end of the stream (recv() raising EOFError). What stopped a receiving
    loop is then an observation, not a guess."""
    from multiprocessing import connection, queues

    poll, recv = connection._ConnectionBase.poll, connection._ConnectionBase.recv
    empty = queues.Queue.empty

    def patched_poll(self, timeout=0.0):
        found = poll(self, timeout)
        if not found and not timeout and where._is_runner() and where._called_by_student():
            record.emit("gave_up", how="poll")
        return found

    def patched_recv(self):
        try:
            return recv(self)
        except EOFError:
            if where._is_runner():
                record.emit("eof")
            raise

    def patched_empty(self):
        answer = empty(self)
        if answer and where._is_runner() and where._called_by_student():
            record.emit("gave_up", how="empty")
        return answer

    connection._ConnectionBase.poll, connection._ConnectionBase.recv = patched_poll, patched_recv
    queues.Queue.empty = patched_empty


def _short(obj):
    from grader.engine.values import safe_repr

    return safe_repr(obj, 60)


def _queue_id(queue):
    rlock = getattr(queue, "_rlock", None)
    return "Q" + locks.lock_id(rlock) if rlock is not None else "Q?"


def _patch_traffic():
    """Queue puts and gets, pipe sends and receives made outside multiprocessing itself, for
    the timeline; a get or a recv notes when it began to wait and when it returned. A shaken
    schedule (shake.ON) may wait a little before each."""
    if not record._TIMELINE and not shake.ON:
        return
    from multiprocessing import connection, queues

    for cls in (queues.Queue, queues.JoinableQueue, queues.SimpleQueue):
        if "put" in cls.__dict__:
            _note_puts(cls)
        if "get" in cls.__dict__:
            _note_gets(cls)
    _note_pipes(connection._ConnectionBase)


def _note_puts(cls):
    put = cls.put

    def patched_put(self, obj, *args, **kwargs):
        if not where._by_library():
            record.note("put", queue=_queue_id(self), value=_short(obj))
            shake.pause("put")
        return put(self, obj, *args, **kwargs)

    cls.put = patched_put


def _note_gets(cls):
    get = cls.get

    def patched_get(self, *args, **kwargs):
        if where._by_library():
            return get(self, *args, **kwargs)
        shake.pause("get")
        record.note("get_wait", queue=_queue_id(self))
        obj = get(self, *args, **kwargs)
        record.note("get", queue=_queue_id(self), value=_short(obj))
        return obj

    cls.get = patched_get


def _note_pipes(base):
    send, recv = base.send, base.recv

    def patched_send(self, obj):
        if not where._by_library():
            record.note("send", value=_short(obj))
            shake.pause("send")
        return send(self, obj)

    def patched_recv(self):
        if where._by_library():
            return recv(self)
        shake.pause("recv")
        record.note("recv_wait")
        try:
            obj = recv(self)
        except EOFError:
            record.note("recv", eof=True)
            raise
        record.note("recv", value=_short(obj))
        return obj

    base.send, base.recv = patched_send, patched_recv


def _patch_queue_put():
    """In the caller, each short sentinel-like object (a short string, None, a number) put on a
    Queue, at the moment of the put: a queue pickles it later, in a thread of its own, so the
    put's place among the caller's other events (a join, say) is the program's own order."""
    from multiprocessing import queues

    def watch(cls):
        put = cls.__dict__["put"]

        def patched_put(self, obj, *args, **kwargs):
            if where._is_runner() and (obj is None or isinstance(obj, (bool, int, float))
                                       or (isinstance(obj, str) and len(obj) <= 64)):
                from grader.engine.values import digest

                record.emit("sentinel_put", value=digest(obj))  # not "put": the timeline's
            return put(self, obj, *args, **kwargs)

        cls.put = patched_put

    for cls in (queues.Queue, queues.JoinableQueue, queues.SimpleQueue):
        watch(cls)
