"""Holds that provoke an order: a child of the runner waits, at one operation, until the
processes it races with have ended, so an order the scheduler gives only now and then is the
order every time. Each hold is asked for by a driver, in the runner, with a mark in the runner's
log (a child reads it there: an environment variable does not reach the children of a
forkserver started by an earlier call), and each has a deadline, after which the child goes on:
a hold may make correct code slower, never wrong.

* ``late_waits`` (sync.hold_event_waits): each child's first Event.wait() begins only once the
  children started before it have ended;
* ``late_first`` (hold_first_put): the first child started puts its first item on a Queue (a
  SimpleQueue, or a manager's dict, list or queue) only once the other children have ended, so
  its result arrives last.
"""
import json
import os
import time

from grader.engine.hooks import record

_held = {"wait": None, "put": None}  # the process whose first wait() / put() was already seen


def hold_first_put(n, seconds):
    """In the runner, before a call that starts `n` children which each put a result on a
    Queue: the first child started from now on makes its first put() only once the other
    children started since have ended (n - 1 of them, or every one started so far once the
    caller waits on it with join()), up to `seconds`. Its result then always arrives last, so
    a caller that keeps the results in the order they arrive, not by index, is caught every
    time rather than when the scheduler happens to finish the first child late."""
    os.environ["MPKIT_LATE_FIRST"] = "1"  # children started from now on look for the mark
    record.emit("late_first", n=n, seconds=seconds)


def log_of(pid):
    """The events process `pid` has logged so far, as far as they can be read."""
    try:
        with open(os.path.join(os.environ.get("MPKIT_EVENTS_DIR", ""), "%d.jsonl" % pid)) as f:
            lines = f.read().splitlines()
    except (OSError, ValueError):
        return []
    events = []
    for line in lines:
        try:
            events.append(json.loads(line))
        except ValueError:
            continue
    return events


def _ended(pid):
    return _logged(pid, "child_end", "exception")


def _logged(pid, *kinds):
    return any(e.get("kind") in kinds for e in log_of(pid))


def _start_logged(pid, events):
    return any(e.get("kind") == "start" and e.get("child") == pid for e in events)


def _since_mark(runner, kind):
    """(the mark, the runner's events after it) for the runner's last mark of `kind`, or
    (None, [])."""
    events = log_of(runner)
    marks = [i for i, e in enumerate(events) if e.get("kind") == kind]
    return (events[marks[-1]], events[marks[-1] + 1:]) if marks else (None, [])


def _runner_child(which):
    """The runner's pid when this process is a child the runner started and its first
    wait() or put() (`which`) is not yet seen; else None."""
    runner = os.environ.get("MPKIT_RUNNER_PID")
    if not runner or not runner.isdigit() or _held[which] == os.getpid():
        return None
    _held[which] = os.getpid()
    from multiprocessing import parent_process

    parent = parent_process()
    return int(runner) if parent is not None and parent.pid == int(runner) else None


def _hold_until(runner, kind, ready):
    """Wait until `ready(mark, starts, events)` (the children the student's code started in
    the runner after the mark, in order; the runner's events after the mark) or the mark's
    deadline."""
    mark, events = _since_mark(runner, kind)
    if mark is None:
        return
    end = time.monotonic() + (mark.get("seconds") or 0.0)
    while time.monotonic() < end:
        starts = [e.get("child") for e in events if e.get("kind") == "start" and e.get("by_student", True)]
        if ready(mark, starts, events):
            return
        time.sleep(0.005)
        mark, events = _since_mark(runner, kind)


def late_wait(event):
    """In a child, its first wait() on `event` while the runner asks for late waits: held
    until the children started before it have ended, or are stuck in their own wait (the
    event was set, and is clear again): holding on would only delay the same hang."""
    runner = _runner_child("wait")
    me = os.getpid()

    def ready(mark, starts, events):
        if me not in starts:  # not logged yet (wait), or not one of the student's (no hold)
            return _start_logged(me, events)
        stuck = any(e.get("kind") == "event_set" for e in events) and not event.is_set()
        return all(_ended(pid) or stuck and _logged(pid, "event_wait") for pid in starts[:starts.index(me)])

    if runner:
        _hold_until(runner, "late_waits", ready)


def late_put():
    """In a child, its first Queue.put() while the runner asks for a late first child: held,
    when it is the first child started, until the others have ended."""
    runner = _runner_child("put")
    me = os.getpid()

    def ready(mark, starts, events):
        if me not in starts:  # not logged yet (wait), or not one of the student's (no hold)
            return _start_logged(me, events)
        others = starts[starts.index(me) + 1:]
        waited_on = any(e.get("kind") == "join_begin" and e.get("child") == me for e in events)
        return starts[0] != me or all(_ended(pid) for pid in others) and \
            (len(others) >= (mark.get("n") or 1) - 1 or waited_on)

    if runner:
        _hold_until(runner, "late_first", ready)
