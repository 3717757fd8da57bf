"""What drivers use next to the student's code: they run in the scenario's runner, which is
handed the driver's code alone (judging/handover.py) and sees only the grader's files it
imports, so their helpers live here, apart from the judges' (checks/common.py)."""
import os


def ungated():
    """The children the runner starts from now on begin at once: the scenario's start gate
    (hooks/process.py), which holds each child until the caller first waits on it, is off. A
    gated scenario calls the function again this way, so that a program that works only
    when its children run late does not pass by the gate's help."""
    os.environ.pop("MPKIT_GATE", None)


def drain(q, proc, end_marker=None):
    """What `proc` puts on `q` (in the runner): every object up to `end_marker` included, or
    until `proc` has ended and nothing more is there. It never waits on a process that has
    died: one that ended has flushed its queue's buffer into the pipe, so then poll() is the
    whole truth."""
    from multiprocessing.connection import wait

    got = []
    while True:
        if q._reader in wait([q._reader, proc.sentinel]):
            got.append(q.get())
            if end_marker is not None and got[-1] == end_marker:
                return got
        elif not q._reader.poll():
            return got
