"""A pid namespace of its own for each scenario (Linux).

After entering the scenario's private view (engine/mounts.py: as root, or as the owner of a
user namespace), the supervisor unshares a new pid namespace and forks a tiny init into it
(pid 1), which ignores every signal, so nothing in the scenario can end it, and lets the
kernel reap the orphans re-parented to it. The runner is the next process there (pid 2), and
every process of the student's is numbered inside: a scenario can signal only its own
processes, as the grader, its supervisors and other scenarios have no pid in it. The runner,
while it still holds its privileges, enters a mount namespace below the scenario's and mounts
a /proc of the new pid namespace, so what the scenario reads by pid (the runner's own checks,
a student's psutil, `ps`) is its own processes only.

The supervisor stays in the machine's namespaces and sees the machine's pids. What it reports
about a process (the runner, the activity at a deadlock, the leftovers, the helpers the runner
named) is translated to the scenario's numbering (``NSpid`` of /proc/<pid>/status), the one
every event and stack dump of the scenario carries.

The runner mounts that /proc before it becomes the scenario's user: a warm runner
(engine/warm.py) as it makes itself the runner, an exec'd one in its preexec_fn (subprocess
would change the user first, so the supervisor asks for none and the function does it after
the mount). Where the kernel refuses, the layer is named as missing (engine/namespaces.py
probes it). After the scenario, next_number() tells which numbers the namespace handed out, which
the supervisor confirms the scenario's reports by (engine/confirm.py).
"""
import os
import signal

CLONE_NEWPID = 0x20000000


def enter():
    """Unshare a pid namespace and fork its init: the init's pid (the machine's numbering).
    Must run after the private view, before the runner starts; this process cannot start a
    thread afterwards (threads it already has go on). Raises OSError when the kernel refuses."""
    from grader.engine import mounts

    libc = mounts._libc()
    mounts._call(libc.unshare(CLONE_NEWPID), "unshare(CLONE_NEWPID)")
    pid = os.fork()
    if pid == 0:
        try:
            _be_init()
        finally:
            os._exit(0)
    return pid


def _be_init():
    """Pid 1 of the scenario: no descriptor, every signal ignored (SIGCHLD too, so the kernel
    reaps the orphans that come to it), asleep until the supervisor kills it."""
    os.closerange(0, 65536)
    for number in signal.valid_signals():
        if number not in (signal.SIGKILL, signal.SIGSTOP):
            try:
                signal.signal(number, signal.SIG_IGN)
            except (OSError, ValueError):
                pass
    while True:
        signal.pause()


def own_proc():
    """In the runner, before it drops its privileges: a mount namespace of its own below the
    scenario's, with a /proc that shows the scenario's pid namespace."""
    from grader.engine import mounts

    libc = mounts._libc()
    mounts._call(libc.unshare(mounts.CLONE_NEWNS), "unshare(CLONE_NEWNS)")
    mounts._mount(libc, "none", "/", None, mounts.MS_REC | mounts.MS_PRIVATE, None)
    mounts._mount(libc, "proc", "/proc", "proc", mounts.MS_NOSUID | mounts.MS_NODEV | mounts.MS_NOEXEC, None)


def inside(pid):
    """The scenario's number for the machine's `pid` (the last of NSpid), or None when the
    process is gone or the kernel does not say (before Linux 4.1)."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("NSpid:"):
                    return int(line.split()[-1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def next_number():
    """The number the scenario's namespace hands out next, from a process forked into it that
    ends at once (the numbers are handed out in turn, so every lower one was a process or a
    thread of the scenario); None when the namespace has ended or the kernel does not say.
    Call it from the process that entered the namespace, with its init alive."""
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:
        os._exit(0)
    try:
        return inside(pid)  # a zombie until reaped: its status still says
    finally:
        os.waitpid(pid, 0)


def probe_inside():
    """In this process, already inside the private view (engine/namespaces.py's probe): a pid
    namespace whose second process mounts its /proc and finds itself there as pid 2."""
    init = enter()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            own_proc()
            code = 0 if os.getpid() == 2 and os.readlink("/proc/self") == "2" else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    os.kill(init, signal.SIGKILL)
    os.waitpid(init, 0)
    return status == 0
