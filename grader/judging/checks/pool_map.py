"""10_pool_map: square and map_in_pool. That the work ran in several processes is seen by the
grader's own function in the workers (it records its pid, and holds item 0 until another
process has finished an item); that the pool was shut down is seen in the student's own calls
of close, join, terminate, shutdown or `with` (see hooks.watch_pool_ends)."""
import os

from grader.engine import hooks as _hooks
from grader.judging import probes
from grader.judging.checks.common import (FAILED, NO_PROCESS, Fail, each_call, expect_in_order, expect_return,
                                          ran_in_child, safe_repr, text)
from grader.judging.outcomes import NOT_JOINED
from grader.judging.scenario import scenario

WORKERS = 3
NUMBERS = [0, 1, 2, 3, 4, 5, 6, 7, -3]
ITEMS = list(range(6))
ALONE_S = 5.0  # how long item 0 waits for another worker, scaled like every timeout


def _map(run, function, items, processes, label, times=1):
    _hooks.watch_pool_ends()
    for _ in range(times):
        run.call("map_in_pool", function, list(items), processes, label=label)


def _in_call(obs, kind):
    begin, end = obs.call_window("map_in_pool")
    return [e for e in obs.of_kind(kind) if e.get("pid") == obs.runner_pid
            and (begin is None or e["t"] >= begin) and (end is None or e["t"] <= end)]


def _expect_pool(obs, record, processes):
    """The call made a Pool or a ProcessPoolExecutor of `processes` workers, and shut it down
    itself: each claim from the pool's creation and the student's own calls."""
    pools = _in_call(obs, "pool")
    if not pools:
        raise Fail(FAILED, text("pool_missing", call=record["label"]))
    sizes = [p.get("processes") for p in pools]
    if processes not in sizes:
        key = "pool_size_default" if sizes[0] is None else "pool_size"
        raise Fail(FAILED, text(key, call=record["label"], actual=safe_repr(sizes[0]), expected=processes))
    hows = {}  # pool -> how it was ended, found once (not once per pool: linear in the events)
    for end in _in_call(obs, "pool_end"):
        hows.setdefault(end.get("ident"), set()).add(end.get("how"))
    for pool in pools:
        if not hows.get(pool.get("ident"), set()) & {"close", "terminate", "shutdown", "__exit__"}:
            raise Fail(NOT_JOINED, text("pool_not_closed", call=record["label"]))
    unwaited = [p for p in record["processes"] if not p["waited"]]
    closed_only = any(not hows.get(pool.get("ident"), set()) & {"join", "terminate", "shutdown", "__exit__"}
                      for pool in pools)
    if unwaited or closed_only:  # a pool's finalizer may join what the student did not
        raise Fail(NOT_JOINED, text("pool_not_joined", call=record["label"]))


@scenario("square_in_pool", points=2, call="map_in_pool(square, %s, %d)" % (NUMBERS, WORKERS),
          allow_unjoined=True)
def square_in_pool(run):
    """map_in_pool(square, numbers, 3) returns the squares in order, computed in the workers of
    a pool of 3 that it shut down; called twice in one program (a pool kept in a global and
    closed by the first call fails the second)."""
    _map(run, run.module.square, NUMBERS, WORKERS, "map_in_pool(square, %s, %d)" % (NUMBERS, WORKERS), times=2)


@square_in_pool.judge
def _(obs):
    def check(record):
        ran_in_child(obs, record, "square")
        _expect_pool(obs, record, WORKERS)
        expect_in_order(record, [x * x for x in NUMBERS])
    each_call(obs, check)


@scenario("several_workers", points=2, call="map_in_pool(meet, %s, %d)" % (ITEMS, WORKERS),
          allow_unjoined=True)
def several_workers(run):
    """map_in_pool runs the grader's function in at least two worker processes, and returns
    its results in the order of the items although item 0 finishes last."""
    folder = os.path.join(os.getcwd(), "meeting")
    os.mkdir(folder)
    scale = float(os.environ.get("MPKIT_TIMEOUT_SCALE") or 1)
    meet = probes.Meeting(folder, ALONE_S * scale)
    _map(run, meet, ITEMS, WORKERS, "map_in_pool(meet, %s, %d)" % (ITEMS, WORKERS))
    return {"alone_s": ALONE_S * scale}


@several_workers.judge
def _(obs):
    record = obs.call()
    meets = [e for e in obs.of_kind("probe") if e.get("probe") == "meet"]
    pids = {e["pid"] for e in meets}
    if obs.runner_pid in pids:
        raise Fail(NO_PROCESS, text("pool_in_caller", call=record["label"], pid=obs.runner_pid))
    _expect_pool(obs, record, WORKERS)
    if meets and len(pids) < 2:
        raise Fail(FAILED, text("pool_one_process", call=record["label"], pid=sorted(pids)[0],
                                seconds=obs.extra.get("alone_s", ALONE_S)))
    expect_in_order(record, [item * 10 for item in ITEMS])


@scenario("no_items", points=1, call="map_in_pool(square, [], 2)", hidden=True, allow_unjoined=True)
def no_items(run):
    """map_in_pool(square, [], 2) returns [] and still shuts its pool down."""
    _map(run, run.module.square, [], 2, "map_in_pool(square, [], 2)")


@no_items.judge
def _(obs):
    record = obs.call()
    expect_return(record, [])
    _expect_pool(obs, record, 2)
