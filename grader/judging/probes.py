"""Grader-owned targets and values handed to student code. Importable by name, so they work
under every start method; each records in which process it ran."""
import os

from grader.engine import hooks as _hooks


def wait_for_release(ready, release, token):
    """A target that sends its pid on `ready`, then waits until the grader sends on `release`.
    Both are pipe ends, which every start method and context can pass (a SemLock cannot
    cross from a fork context to a spawn one)."""
    _hooks.emit("probe", probe="wait_for_release", token=token)
    ready.send(os.getpid())
    ready.close()
    release.recv()


class Meeting:
    """A function for a pool's workers (a picklable instance of a top-level class): item 0
    waits until a process other than its own has finished another item, or until a deadline;
    every item returns item * 10. With any pool of two or more workers, item 0 is therefore
    finished by one worker while another does the rest: the work is seen to run in two
    processes, and item 0's result comes back last, so only a caller that puts the results
    back in the order of the items gets them right. With one process the deadline passes."""

    def __init__(self, folder, deadline_s):
        self.folder = folder
        self.deadline_s = deadline_s

    def __repr__(self):
        return "meet"

    def __call__(self, item):
        import time

        _hooks.emit("probe", probe="meet", item=item)
        mine = "done-%d" % os.getpid()
        if item != 0:
            open(os.path.join(self.folder, mine), "w").close()
            return item * 10
        end = time.monotonic() + self.deadline_s
        while time.monotonic() < end:  # a file with a deadline: any process of any pool sees it
            if any(name.startswith("done-") and name != mine for name in os.listdir(self.folder)):
                return 0
            time.sleep(0.002)
        _hooks.emit("probe", probe="meet_alone", item=item)
        return 0


def work(item):
    """A task for a worker: records, in the process that does it, the item and which watched
    semaphores that process holds at this moment."""
    _hooks.emit("probe", probe="work", item=item, held=_hooks.held_semaphores(), at=_hooks.student_line())


class Phases:
    """The grader's two-phase task, work(phase, item), for n workers. Item 0's first phase
    does not finish until every other worker has finished its first phase and then waited, as
    their own logs show (a Barrier's wait, its second phase, its end) or, whatever it waits on (a
    Manager's Barrier, a barrier of its own making), as the runner's watch of its threads shows
    (``watch_phase_waits``), or a deadline passed: a worker that does not wait for the others then
    always starts its second phase before item 0's first phase is over, instead of only when the
    scheduler lets it. `held` names another item to hold instead: one order of arrival alone
    would help a program whose barrier works only when item 0 arrives last (one that lets item 0
    release the others)."""

    def __init__(self, n, deadline_s, held=0, since=None):
        self.n = n
        self.deadline_s = deadline_s
        self.held = held
        self.since = since  # a call's start: what an earlier call's workers did is not this call's

    def __repr__(self):
        return "work"

    def __call__(self, phase, item):
        if phase == 1 and item == self.held and not _hooks._is_runner():  # the caller has no others to wait for
            self._hold()
        _hooks.emit("probe", probe="phase", phase=phase, item=item)

    def _hold(self):
        import time

        end = time.monotonic() + self.deadline_s
        while time.monotonic() < end and len(_past_phase_one(os.getpid(), self.since)) < self.n - 1:
            time.sleep(0.005)


def _phase_logs(exclude=None, since=None):
    """{pid: [events]} of the scenario's processes' logs, but `exclude`'s; only the events from
    `since` on (the event clock), when given."""
    import json

    folder = os.environ.get("MPKIT_EVENTS_DIR", "")
    logs = {}
    for name in os.listdir(folder) if folder else []:
        pid = name[:-len(".jsonl")] if name.endswith(".jsonl") else ""
        if not pid.isdigit() or int(pid) == exclude:
            continue
        try:
            with open(os.path.join(folder, name)) as f:
                events = [json.loads(line) for line in f if line.strip()]
            logs[int(pid)] = [e for e in events if since is None or e.get("t", since) >= since]
        except (OSError, ValueError):
            continue
    return logs


def _past_phase_one(exclude=None, since=None):
    """The pids that finished their first phase and then waited: a wait at a Barrier, their
    second phase or their end in their own log, or a wait the runner saw (``phase_waiting``)."""
    logs, past = _phase_logs(exclude, since), set()
    for pid, events in logs.items():
        kinds = [_phase_kind(event) for event in events]
        if "phase1" in kinds and kinds.index("phase1") < max(
                (i for i, kind in enumerate(kinds) if kind == "past"), default=-1):
            past.add(pid)
        past.update(event.get("worker") for event in events if event.get("kind") == "phase_waiting")
    return past - {exclude}


def _phase_kind(event):
    kind = event.get("kind")
    if kind == "probe" and event.get("probe") == "phase":
        return "phase%s" % event.get("phase") if event.get("phase") == 1 else "past"
    return "past" if kind in ("barrier_wait", "child_end", "exception") else None


def watch_phase_waits(grace_s, deadline_s, held=0, since=None):
    """In the runner, while a phase exercise's call runs and item `held`'s first phase is held
    (until that item has done it, or `deadline_s`, the hold's own deadline): each child that has finished
    its first phase and is then seen waiting with no time limit (every thread blocked, twice in
    a row with nothing run in between: on a barrier of any making, never in a sleep) is noted as
    ``phase_waiting``. Where the OS cannot tell, a child whose log has not grown for `grace_s`
    after its first phase counts as waiting. The watch then ends, so that it never stands
    between a program that hangs and its deadlock verdict. Returns the function that stops it."""
    import threading
    import time

    stop = threading.Event()
    until = time.monotonic() + deadline_s
    thread = threading.Thread(target=_watch_phases, args=(stop, grace_s, until, held, since), daemon=True)
    thread.start()
    return stop.set


def _held_done(logs, held):
    return any(event.get("kind") == "probe" and event.get("probe") == "phase" and event.get("item") == held
               for events in logs.values() for event in events)


def _watch_phases(stop, grace_s, until, held, since=None):
    import time

    seen, grown, noted = {}, {}, set()
    while not stop.wait(0.01) and time.monotonic() < until:
        logs = _phase_logs(since=since)
        if _held_done(logs, held):
            return
        for proc in list(_hooks.started):
            if _hooks.process_facts(proc)["returncode"] is not None:  # ended (and maybe close()d)
                continue
            events = logs.get(proc.pid, [])
            kinds = [_phase_kind(event) for event in events]
            if proc.pid in noted or "phase1" not in kinds or "past" in kinds[kinds.index("phase1"):]:
                continue
            if _waits(proc, len(events), seen, grown, grace_s):
                noted.add(proc.pid)
                _hooks.emit("phase_waiting", worker=proc.pid)


def _waits(proc, length, seen, grown, grace_s):
    """Whether `proc` waits with no time limit: the same all-blocked snapshot of its threads
    twice in a row; where its threads cannot be read, a log that stopped growing `grace_s` ago."""
    import time

    from grader.engine import system

    if grown.get(proc.pid, (None,))[0] != length:
        grown[proc.pid] = (length, time.monotonic())
    if system.process_activity(proc.pid) is None:  # not Linux, or its threads not readable
        return time.monotonic() - grown[proc.pid][1] > grace_s
    snapshot = system.tree_snapshot([proc])
    before, seen[proc.pid] = seen.get(proc.pid), snapshot
    return snapshot is not None and snapshot == before


def finish_with(code, token):
    """A target that ends at once by itself, with exit code `code`."""
    import sys

    _hooks.emit("probe", probe="finish_with", token=token)
    if code:
        sys.exit(code)


def task(x):
    """A task for the student's code to run: x * x; a negative x raises ValueError; x >= 100
    ends the process at once with exit code x - 100."""
    import sys

    _hooks.emit("probe", probe="task", token=x)
    if x < 0:
        raise ValueError("negative: %d" % x)
    if x >= 100:
        sys.exit(x - 100)
    return x * x
