"""12_semaphore: guarded and run_limited. The grader's own task (probes.work) records, in the
process that runs it, which semaphores that process holds; a semaphore the student creates is
watched from its creation (hooks.watch_semaphore): its initial value, and every acquire and
release in every process that shares it, from which the most holders at once is counted."""
import multiprocessing

from grader.engine import hooks as _hooks
from grader.judging import probes
from grader.judging.checks.common import FAILED, NO_PROCESS, Fail, each_call, ran_in_child, safe_repr, text
from grader.judging.scenario import scenario

N, LIMIT = 5, 2


@scenario("guarded_holds", points=1, call="guarded(sem, work, 5)", deadlock_hint="semaphore_deadlock_hint")
def guarded_holds(run):
    """guarded calls work(i) while holding the semaphore, and gives it back."""
    sem = multiprocessing.Semaphore(LIMIT)
    _hooks.watch_semaphore(sem)
    run.call("guarded", sem, probes.work, 5, label=guarded_holds.call)
    back = [sem.acquire(False) for _ in range(LIMIT)]
    for got in back:
        if got:
            sem.release()
    return {"sem": _hooks.lock_id(sem), "back": sum(back)}


@guarded_holds.judge
def _(obs):
    call = guarded_holds.call
    works = [e for e in obs.of_kind("probe") if e.get("probe") == "work" and e.get("item") == 5]
    if not works:
        raise Fail(FAILED, text("sem_work_not_called", call=call))
    if obs.extra["sem"] not in works[0].get("held", []):
        raise Fail(FAILED, _unheld(obs, call, works[0]))
    if obs.extra["back"] != LIMIT:
        raise Fail(FAILED, text("sem_not_released", call=call))


def _unheld(obs, call, work):
    """work(i) ran without the semaphore it should have held: holding none, or only others (a
    semaphore of the module's own, say), named with the line that made it when it is known."""
    who, at, others = obs.who(work["pid"]), obs.at_line(work.get("at")), work.get("held") or []
    if not others:
        return text("sem_work_unheld", call=call, who=who, at=at)
    made = [e.get("at") for e in obs.of_kind("semlock") if e.get("id") == others[0]]
    where = obs.site(made[0]) if made else ""
    return text("sem_work_other", call=call, who=who, at=at,
                made=text("sem_made_at", where=where) if where else "")


def _made_at(obs, works):
    """' (made at file.py:21 in <module>: sem = Semaphore(3))' when every semaphore the workers
    held was made at one line of the student's (each process importing the module makes its
    own there), else ''."""
    held = {ident for work in works for ident in work.get("held") or []}
    sites = {obs.site(e.get("at")) for e in obs.of_kind("semlock") if e.get("id") in held}
    return text("sem_made_at", where=sites.pop()) if len(sites) == 1 and "" not in sites else ""


def _works(obs, record, n):
    """The grader's task ran once for each i in range(n), each time in a child that runs guarded."""
    workers = ran_in_child(obs, record, "guarded")
    begin, end = obs.call_window("run_limited", record)
    works = [e for e in obs.of_kind("probe") if e.get("probe") == "work"
             and (begin is None or e["t"] >= begin) and (end is None or e["t"] <= end)]
    if any(e["pid"] == obs.runner_pid for e in works):
        raise Fail(NO_PROCESS, text("sem_work_in_caller", call=record["label"], pid=obs.runner_pid))
    items = sorted(e.get("item") for e in works)
    if items != list(range(n)):
        raise Fail(FAILED, text("sem_items", call=record["label"], actual=safe_repr(items),
                                expected=safe_repr(list(range(n)))))
    return workers, works


def _most_at_once(obs, ident):
    """The most processes holding semaphore `ident` at one moment: each acquire is recorded
    after it succeeded and each release before it happened, so this never counts more than
    really held it."""
    changes = [(e["t"], 1) for e in obs.of_kind("sem_acquired") if e.get("id") == ident]
    changes += [(e["t"], -1) for e in obs.of_kind("sem_released") if e.get("id") == ident]
    most = now = 0
    for _, change in sorted(changes):  # at the same instant a release counts first
        now += change
        most = max(most, now)
    return most


def _expect_capped(obs, record, works, limit):
    for work in works:
        if not work.get("held"):
            raise Fail(FAILED, _unheld(obs, record["label"], work))
    shared = set(works[0]["held"]) if works else set()
    for work in works[1:]:
        shared &= set(work["held"])
    if works and not shared:
        raise Fail(FAILED, text("sem_not_shared", call=record["label"], made=_made_at(obs, works)))
    for ident in sorted(shared):
        values = [e.get("value") for e in obs.of_kind("semlock") if e.get("id") == ident]
        if values and values[0] != limit:
            raise Fail(FAILED, text("sem_value", call=record["label"], value=values[0], limit=limit))
        most = _most_at_once(obs, ident)
        if most > limit:
            raise Fail(FAILED, text("sem_too_many", call=record["label"], most=most, limit=limit))


def _run_limited(name, n, limit, points, judge, hidden=False, twice=False):
    label = "run_limited(work, %d, %d)" % (n, limit)

    @scenario(name, points=points, call=label, hidden=hidden, deadlock_hint="semaphore_deadlock_hint")
    def drive(run):
        for _ in range(2 if twice else 1):  # a program may call it twice
            run.call("run_limited", probes.work, n, limit, label=label)

    @drive.judge
    def _(obs):
        def check(record):
            _, works = _works(obs, record, n)
            if judge == "capped":
                _expect_capped(obs, record, works, limit)
        each_call(obs, check)

    drive.doc = "%s runs work(i) once for each i in range(%d), each in a child process%s." % (
        label, n, "" if judge != "capped" else ", at most %d at once under one shared Semaphore(%d)" % (limit, limit))
    if twice:
        drive.doc += " Called twice in one program."
    return drive


run_limited_work = _run_limited("run_limited_work", N, LIMIT, 2, "work")
run_limited_capped = _run_limited("run_limited_capped", N, LIMIT, 2, "capped")
run_limited_one = _run_limited("run_limited_one", 3, 1, 1, "capped", hidden=True, twice=True)
