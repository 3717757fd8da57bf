"""Workers: run one scenario job under a trusted supervisor and bring back its report.

Each job borrows a long-lived zygote (``python -m grader.engine.supervisor --serve``), one per job
running at a time, kept idle between gradings, which forks one supervisor per job (and that
supervisor its runner, warm: engine/warm.py); where there is no fork, one supervisor interpreter runs per
job. A supervisor that dies or does not answer in time costs only its own job: the scenario's
processes are swept by their environment marker and folder.
"""
import atexit
import json
import os
import subprocess
import sys
import threading
import time

from grader.engine import system, warm


class UnreadableReport(Exception):
    """A supervisor's whole answer that the grader cannot read back (JSON nested past the
    grader's recursion limit): what the scenario wrote made it so, and it costs that scenario's
    test alone. The message names the error."""


def supervise(sup_job, backstop):
    """Run one job under a supervisor: its report, None if the supervisor died without one (the
    tree is then swept), or {"backstop": True} if it did not answer in time. Raises
    UnreadableReport when the answer came but cannot be read."""
    from grader.engine.supervisor import cgroup_name

    sup_job = dict(sup_job, cgroup=cgroup_name(sup_job["workdir"]))  # keyed here, where sweep() keys it
    if not system.HAS_FORK:
        return _supervise_once(sup_job, backstop)
    zygote = _take()
    try:
        answer = zygote.ask(sup_job, backstop)
    except subprocess.TimeoutExpired:
        _drop(zygote)
        sweep(sup_job["workdir"])
        return {"backstop": True}
    except UnreadableReport:  # a line the scenario wrote into the zygote's pipe, maybe: the
        _drop(zygote)         # supervisor's own answer may still come, so the zygote goes
        sweep(sup_job["workdir"])
        raise
    except BaseException:  # pytest-timeout or Ctrl-C in the grader: clean up, go on failing
        _drop(zygote)
        sweep(sup_job["workdir"])
        raise
    if answer is None or "supervisor_died" in answer:
        if answer is None:
            _drop(zygote)
        else:
            _give_back(zygote)
        sweep(sup_job["workdir"])
        return None
    _give_back(zygote)
    return answer


class Zygote:
    """A long-lived `python -m grader.engine.supervisor --serve` that forks one supervisor per job."""

    def __init__(self, env):
        self.env = env
        self.proc = subprocess.Popen(supervisor_command("--serve"),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env, **system.isolated())

    def ask(self, job, timeout):
        import select

        self.proc.stdin.write(json.dumps(job).encode("utf-8") + b"\n")
        self.proc.stdin.flush()
        deadline, data, fd = time.monotonic() + timeout, b"", self.proc.stdout.fileno()
        while not data.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise subprocess.TimeoutExpired("grader.engine.supervisor", timeout)
            if select.select([fd], [], [], remaining)[0]:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    return None
                data += chunk
        try:
            return json.loads(data.decode("utf-8"))
        except ValueError:
            return None
        except RecursionError as exc:
            raise UnreadableReport(type(exc).__name__)

    def close(self):
        for proc in system.descendants(self.proc.pid):
            system.kill(proc)
        self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass


_lock = threading.Lock()
_zygotes = []  # every zygote started and not closed
_idle = []  # those no job is using: kept from one grading to the next (mpkit watch grades again)


def warm_up(count):
    """Start zygotes now, up to `count` idle ones, while the caller still plans: a zygote's
    interpreter starting and importing what runners need takes longer than planning does. One
    whose environment no longer matches when a job comes is replaced then (_take)."""
    if not system.HAS_FORK:
        return
    env = warm.zygote_env(_supervisor_env())
    with _lock:
        missing = count - sum(1 for zygote in _idle if zygote.env == env)
    for _ in range(max(0, missing)):
        zygote = Zygote(env)
        with _lock:
            _zygotes.append(zygote)
            _idle.append(zygote)


class Stopped(BaseException):
    """Grading was stopped (Ctrl-C): no scenario starts until resume(). A BaseException, as
    KeyboardInterrupt is: no verdict is made of it."""


_stopped = threading.Event()


def stop():
    """Stop every scenario now (their zygotes closed) and start no other, whatever a job
    running in another thread would do next (a plain pytest test's next pass)."""
    _stopped.set()
    close_zygotes()


def resume():
    """Let scenarios start again (after stop(), once the jobs that were running have ended)."""
    _stopped.clear()


def _take():
    """An idle zygote started with today's environment, or a new one. Raises Stopped after
    stop()."""
    if _stopped.is_set():
        raise Stopped()
    env = warm.zygote_env(_supervisor_env())
    stale = []
    with _lock:
        while _idle:
            zygote = _idle.pop()
            if zygote.env == env and zygote.proc.poll() is None:
                break
            stale.append(zygote)
        else:
            zygote = None
    for old in stale:
        _drop(old)
    if zygote is None:
        zygote = Zygote(env)
        with _lock:
            _zygotes.append(zygote)
    return zygote


def _give_back(zygote):
    with _lock:
        if zygote in _zygotes:  # close_zygotes() may have closed it from another thread
            _idle.append(zygote)


def _drop(zygote):
    with _lock:
        known = zygote in _zygotes
        if known:
            _zygotes.remove(zygote)
        if zygote in _idle:
            _idle.remove(zygote)
    if known:
        zygote.close()


@atexit.register
def close_zygotes():
    """Close every zygote (those running a job too: their scenarios stop)."""
    with _lock:
        closing = list(_zygotes)
        del _zygotes[:], _idle[:]
    for zygote in closing:
        zygote.close()


def _supervise_once(sup_job, backstop):
    """Where there is no fork: one supervisor interpreter per job."""
    proc = subprocess.Popen(supervisor_command(), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_supervisor_env(),
                            **system.isolated())
    try:
        out, _ = proc.communicate(json.dumps(sup_job).encode("utf-8"), timeout=backstop)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        sweep(sup_job["workdir"])
        return {"backstop": True}
    except BaseException:
        proc.kill()
        proc.communicate()
        sweep(sup_job["workdir"])
        raise
    try:
        report = json.loads(out.decode("utf-8")) if proc.returncode == 0 else None
    except ValueError:
        report = None
    except RecursionError as exc:
        sweep(sup_job["workdir"])
        raise UnreadableReport(type(exc).__name__)
    if report is None:
        sweep(sup_job["workdir"])
    return report


# `python -m` would put the working folder first on sys.path: graded from inside a checkout of
# the kit, the supervisor (and every runner after it) would import that checkout's grader rather
# than the one running, whose paths the job and the scenario's view are made of
_SUPERVISOR = "import sys; del sys.path[0]; import runpy; runpy.run_module('grader.engine.supervisor', run_name='__main__')"


def supervisor_command(*args):
    """The supervisor's command line: the grader this process runs, wherever it is started."""
    return [sys.executable, "-c", _SUPERVISOR] + list(args)


def _supervisor_env():
    env = dict(os.environ)
    grader_parent = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (grader_parent, env.get("PYTHONPATH")) if p)
    return env


def sweep(workdir):
    """Kill whatever is left of a scenario whose supervisor could not clean up: every process
    whose environment points into this scenario's folder (setsid escapees included) or whose
    working folder is inside it (one started with an empty environment), then its cgroups."""
    from grader.engine.supervisor import cgroup_name

    for proc in system.marked_processes(os.path.join(workdir, "events"), workdir):
        system.kill(proc)
    system.Cgroups.remove_named(cgroup_name(workdir))
