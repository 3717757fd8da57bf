"""Instrumentation inside every process of a graded scenario: the runner and all its children.

``sitecustomize`` installs it at start-up (spawn children and the forkserver included); fork
children inherit it and re-open their own files after the fork. It observes without disturbing
the student's processes: it never reaps a child and never changes what the student's calls
return. One module per part of ``multiprocessing`` it watches, each saying what it records:

* ``record``: the event log every other module writes to (one JSON-lines file per process,
  the timeline's events on a budget of their own), tracebacks, stack dumps on SIGUSR1, and the
  processes the runner started (``started``);
* ``where``: whose code is calling (the student's, multiprocessing's own, the runner's), so that
  only what the student's code did is recorded;
* ``locks``: lock identities that survive fork and pickling, stdout writes with the locks held,
  the student's semaphores and, for the timeline, the student's locks;
* ``process``: processes started, joined, ended and terminated, children's targets and their
  exceptions, the start gate (``MPKIT_GATE=1``) and spawn children failing before their target;
* ``traffic``: every object pickled or unpickled, queue and pipe traffic, giving up on receiving;
* ``shared_memory``: synchronized Values read and written, Array elements written;
* ``sync``: Manager proxies, Pools, Events and Barriers;
* ``holds``: holds a driver asks for that make one child late, so an order the scheduler gives
  only now and then is the order every time;
* ``tracer``: which process ran each function of the student's module.

The names the rest of the grader uses are importable from here (``hooks.emit``,
``hooks.started``...); the state each module keeps lives in that module alone.
"""
import os
import sys

from grader.engine import shake
from grader.engine.hooks import locks, process, record, shared_memory, sync, traffic, tracer
from grader.engine.hooks.locks import WatchedStream, held_locks, held_semaphores, lock_id, watch_semaphore
from grader.engine.hooks.process import process_facts, target_globals, target_name
from grader.engine.hooks.record import (MAX_EVENTS_PER_PROCESS, MAX_NOTES_PER_PROCESS, MAX_TEXT, TIMELINE_KINDS,
                                        emit, format_bounded, note, started)
from grader.engine.hooks.holds import hold_first_put
from grader.engine.hooks.sync import hold_event_sets, hold_event_waits, watch_pool_ends
from grader.engine.hooks.where import _is_runner, student_line

__all__ = ["MAX_EVENTS_PER_PROCESS", "MAX_NOTES_PER_PROCESS", "MAX_TEXT", "TIMELINE_KINDS", "WatchedStream",
           "emit", "format_bounded", "held_locks", "held_semaphores", "hold_event_sets", "hold_event_waits",
           "hold_first_put", "install", "lock_id", "note", "process_facts", "started", "student_line",
           "target_globals", "target_name", "watch_pool_ends", "watch_semaphore"]

# each installed on its own, in this order: a part this platform lacks is reported (hook_missing)
PATCHES = (locks._patch_semlock, process._patch_process, process._patch_os_kill, process._patch_spawn, traffic._patch_pickler,
           traffic._patch_receiving, traffic._patch_traffic, traffic._patch_queue_put,
           shared_memory._watch_shared_values, sync._patch_manager_locks, sync._patch_pool, sync._patch_event,
           sync._patch_barrier, tracer._install_tracer)


def install():
    """Install every hook in this process (called once, by sitecustomize). Settings from the
    environment are read again here: a warm runner imported this module in the zygote, before
    its scenario's environment was set (engine/warm.py)."""
    record.read_settings()
    shake.configure()
    record.emit("process", ppid=os.getppid(), how="exec", argv=sys.argv[:3])
    record._setup_dumps()
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=record._after_fork_in_child)
    for patch in PATCHES:
        try:
            patch()
        except Exception as exc:  # a platform without that part: observe the rest
            record.emit("hook_missing", hook=patch.__name__, error="%s: %s" % (type(exc).__name__, exc))
    if sys.stdout is not None and not isinstance(sys.stdout, WatchedStream):
        sys.stdout = WatchedStream(sys.stdout, "stdout")
