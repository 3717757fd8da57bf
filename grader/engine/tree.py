"""The scenario's process tree, as its supervisor sees it: watched while the runner runs (until
it ends, the time is up, every thread is stuck or a cap is hit), then what is left of it found,
asked for stack dumps and killed. Processes are numbered as the supervisor sees them; `number`
translates a pid to the scenario's own numbering (its pid namespace's), `same` where it has none.
"""
import os
import time

from grader.engine import system

POLL_S = 0.05  # how often the tree is looked at; the runner's exit is seen at once
SETTLE_S = 0.3
LEFTOVER_GRACE_S = 0.5
IDLE_WINDOW_S = 0.5
HELPER_MARKS = ("multiprocessing.resource_tracker", "multiprocessing.forkserver")


class Watch:
    """Watches the tree below this process while the runner runs."""

    def __init__(self, runner, job, cgroups):
        self.runner = runner
        self.cgroups = cgroups
        self.deadline = time.monotonic() + job["timeout"]
        self.max_processes = job["limits"]["max_processes"]
        self.memory_cap = job["limits"]["tree_memory_mb"] * 1024 * 1024
        self.detect = job.get("detect_deadlock", True) and system.thread_probe_works()
        self.signature, self.since = None, 0.0
        self.peak_processes = 0

    def until_done(self):
        """Return 'exited', 'timeout', 'deadlock', 'too_many_processes' or 'too_much_memory'."""
        exited = system.exit_waiter(self.runner)
        while True:
            if exited(POLL_S):
                return "exited"
            capped = self.cgroups.hit()
            if capped:
                return capped
            procs = system.descendants()
            self.peak_processes = max(self.peak_processes, len(procs))
            if len(procs) > self.max_processes:
                return "too_many_processes"
            if "memory" not in self.cgroups.folders and _tree_memory(procs) > self.memory_cap:
                return "too_much_memory"
            now = time.monotonic()
            if self.detect and self._stuck(procs, now):
                return "deadlock"
            if now > self.deadline:
                return "timeout" if self.detect or _busy(procs) else "deadlock"

    def _stuck(self, procs, now):
        signature = system.tree_snapshot(procs)
        if signature is None or signature != self.signature:
            self.signature, self.since = signature, now
            return False
        return now - self.since >= SETTLE_S


def _busy(procs, window=IDLE_WINDOW_S):
    """Where wait states cannot be read: whether the tree used CPU over a short window."""
    def cpu():
        total = 0.0
        for proc in procs:
            try:
                times = proc.cpu_times()
                total += times.user + times.system
            except Exception:
                pass
        return total

    before = cpu()
    time.sleep(window)
    return cpu() - before > window * 0.05


def _tree_memory(procs):
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except Exception:
            pass
    return total


def same(pid):
    return pid


def take_dumps(procs, dumps_dir, number=same):
    """Ask every process for a stack dump (SIGUSR1, faulthandler) and wait until written: the
    numbers of the processes asked, whose dump files alone are read back (a file under another
    number is the scenario's own writing). A process whose handler is not installed yet (a
    spawn child still starting) is not asked: SIGUSR1 would kill it, and the scenario would
    look like a crash."""
    if not system.HAS_DUMPS:
        return set()
    import signal

    procs = [p for p in procs if _alive(p) and system.catches(p.pid, signal.SIGUSR1) is not False]
    if not procs:  # a zombie has no stack to dump
        return set()

    for proc in procs:
        try:
            os.kill(proc.pid, signal.SIGUSR1)
        except OSError:
            pass
    give_up = time.monotonic() + 1.0
    waiting = {proc.pid for proc in procs}
    while waiting and time.monotonic() < give_up:
        for pid in list(waiting):
            path = os.path.join(dumps_dir, "%d.txt" % (number(pid) or pid))  # named in its numbering
            try:
                if os.path.getsize(path) > 0 or not system.psutil.pid_exists(pid):
                    waiting.discard(pid)
            except OSError:
                pass
        time.sleep(0.01)
    time.sleep(0.02)  # let the last handler finish its write
    return {number(proc.pid) or proc.pid for proc in procs}


def is_helper(proc, helpers, number=same):
    """A resource tracker or forkserver of multiprocessing, which exits on its own once the
    runner is gone. `helpers`: their pids as the runner reported them (in the scenario's
    numbering: `number` translates ours); None if it could not, and then their command line,
    which a student's process could imitate, has to do."""
    if helpers is not None:
        return number(proc.pid) in helpers
    try:
        cmdline = " ".join(proc.cmdline())
    except Exception:
        return False
    return any(mark in cmdline for mark in HELPER_MARKS)


def kill_tree(helpers, marker, number=same):
    """Kill every process below us: the student's first, then multiprocessing's helpers once
    they had a moment to exit on their own (the resource tracker unlinks semaphores on exit)."""
    killed = 0
    for _ in range(200):
        procs = [p for p in system.scenario_processes(marker) if not is_helper(p, helpers, number)]
        live = [p for p in procs if _alive(p)]
        if not live:
            break
        for proc in live:  # freeze first, so none reacts to another's death (EPIPE, ...)
            system.suspend(proc)
        for proc in live:
            system.kill(proc)
            killed += 1
        system.reap_zombies()
    give_up = time.monotonic() + 1.5
    while time.monotonic() < give_up and any(_alive(p) for p in system.scenario_processes(marker)):
        system.reap_zombies()
        time.sleep(0.01)
    for proc in system.scenario_processes(marker):
        system.kill(proc)
        killed += 1
    system.reap_zombies()
    return killed


def _alive(proc):
    try:
        return proc.status() != system.psutil.STATUS_ZOMBIE
    except system.psutil.Error:
        return False


def leftovers(helpers, marker, number=same, grace=LEFTOVER_GRACE_S):
    """Processes still alive after the runner ended, other than multiprocessing's helpers.
    Processes get a moment to finish exiting (one mid-exit has an empty command line)."""
    give_up = time.monotonic() + grace
    while True:
        system.reap_zombies()
        alive = [p for p in system.scenario_processes(marker) if _alive(p) and not is_helper(p, helpers, number)]
        if not alive or time.monotonic() > give_up:
            return alive
        time.sleep(0.02)


def described(procs, number=same):
    """Each process's pid (in the scenario's numbering) and command line, for the report."""
    leaked = []
    for proc in procs:
        try:
            leaked.append({"pid": number(proc.pid) or proc.pid, "cmdline": " ".join(proc.cmdline())[:200]})
        except system.psutil.Error:
            pass
    return leaked
