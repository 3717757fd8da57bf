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
    _hooks.emit("probe", probe="work", item=item, held=_hooks.held_semaphores())


class Phases:
    """The grader's two-phase task, work(phase, item), for n workers. Item 0's first phase
    does not finish until every other worker has finished its first phase and then waited at a
    barrier, started its second phase or ended, as their own logs show (or a deadline passed):
    a worker that does not wait for the others then always starts its second phase before
    item 0's first phase is over, instead of only when the scheduler lets it. `held` names
    another item to hold instead: one order of arrival alone would help a program whose
    barrier works only when item 0 arrives last (one that lets item 0 release the others)."""

    def __init__(self, n, deadline_s, held=0):
        self.n = n
        self.deadline_s = deadline_s
        self.held = held

    def __repr__(self):
        return "work"

    def __call__(self, phase, item):
        if phase == 1 and item == self.held and not _hooks._is_runner():  # the caller has no others to wait for
            self._hold()
        _hooks.emit("probe", probe="phase", phase=phase, item=item)

    def _hold(self):
        import time

        end = time.monotonic() + self.deadline_s
        while time.monotonic() < end and self._others_past_phase_one() < self.n - 1:
            time.sleep(0.005)

    def _others_past_phase_one(self):
        import json

        folder = os.environ.get("MPKIT_EVENTS_DIR", "")
        count = 0
        for name in os.listdir(folder) if folder else []:
            if name == "%d.jsonl" % os.getpid():
                continue
            try:
                with open(os.path.join(folder, name)) as f:
                    kinds = [_phase_kind(json.loads(line)) for line in f if line.strip()]
            except (OSError, ValueError):
                continue
            if "phase1" in kinds and kinds.index("phase1") < max(
                    (i for i, kind in enumerate(kinds) if kind == "past"), default=-1):
                count += 1
        return count


def _phase_kind(event):
    kind = event.get("kind")
    if kind == "probe" and event.get("probe") == "phase":
        return "phase%s" % event.get("phase") if event.get("phase") == 1 else "past"
    return "past" if kind in ("barrier_wait", "child_end", "exception") else None


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
