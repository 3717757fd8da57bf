"""09_shared_counter: add_many and count_up. Lost updates are caught every time, not by luck
of the scheduler: each process reports how it read and wrote the Value (see hooks'
_patch_shared_value), with whether it held the Value's own lock at that moment, so an
unprotected `+=` fails even on a run where no increment happened to be lost."""
import multiprocessing

from grader.judging.checks.common import FAILED, Fail, each_call, expect_return, own_workers, ran_in_child, text
from grader.judging.scenario import scenario

EACH = 50


def _expect_locked(obs, pids, label):
    """Every read and write of the Value that the processes `pids` made, made holding its own
    lock; and at least one of each seen, so the grader is not judging what it did not see."""
    for pid in sorted(pids):
        accesses = [e for e in obs.of_kind("value_access") if e.get("pid") == pid]
        unheld = sorted({e.get("op") for e in accesses if not e.get("held")})
        if unheld:
            bare = [e for e in accesses if not e.get("held")]
            via = sorted({e.get("via", "value") for e in bare})[-1]
            first = min(bare, key=lambda e: e.get("t", 0))
            other = text("counter_other_lock") if any(e.get("other_lock") is True for e in bare) else ""
            raise Fail(FAILED, text("counter_unlocked", call=label, who=obs.who(pid), name="counter." + via,
                                    what=text("counter_" + "_and_".join(unheld)), at=obs.at_line(first.get("at")),
                                    other=other))
        if {e.get("op") for e in accesses} != {"read", "write"}:
            raise Fail(FAILED, text("counter_unseen", call=label, who=obs.who(pid)))


@scenario("add_many_locked", points=2, call="add_many(counter, %d)" % EACH, deadlock_hint="counter_deadlock_hint")
def add_many_locked(run):
    """add_many, run in a child, adds n to the counter, every += made holding counter.get_lock()."""
    counter = multiprocessing.Value("i", 0)
    proc = multiprocessing.Process(target=run.module.add_many, args=(counter, EACH))
    proc.start()
    proc.join()
    return {"value": counter.value, "child": proc.pid}


@add_many_locked.judge
def _(obs):
    label = obs.scenario.call
    _expect_locked(obs, {obs.extra["child"]}, label)
    if obs.extra["value"] != EACH:
        raise Fail(FAILED, text("counter_total", call=label, actual=obs.extra["value"], expected=EACH))


def _count_up(name, n_processes, n_each, points, hidden=False, twice=False):
    label = "count_up(%d, %d)" % (n_processes, n_each)

    @scenario(name, points=points, call=label, hidden=hidden, deadlock_hint="counter_deadlock_hint")
    def drive(run):
        for _ in range(2 if twice else 1):  # a program may call it twice
            run.call("count_up", n_processes, n_each, label=label)

    @drive.judge
    def _(obs):
        def check(record):
            ran_in_child(obs, record, "add_many")
            adders = own_workers(obs, record, "add_many", n_processes)
            _expect_locked(obs, adders, label)
            expect_return(record, n_processes * n_each)
        each_call(obs, check)

    drive.doc = "count_up returns the total from n processes that each add under the lock: " + label
    if twice:
        drive.doc += "; called twice in one program, each call counting from 0."
    return drive


count_up_total = _count_up("count_up_total", 4, 200, 2)
count_up_small = _count_up("count_up_small", 3, 1, 1, hidden=True, twice=True)
