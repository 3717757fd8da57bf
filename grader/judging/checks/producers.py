"""05_producers: produce, consume and run_pipeline. Each claim rests on direct evidence: which
processes ran produce and consume (the trace hook), which process pickled each item the caller
returned (the pickler), and when the caller put each STOP compared with when it saw each
producer end (the caller's own order of events)."""
import multiprocessing
from collections import Counter

from grader.engine.values import describe, digest, same
from grader.judging.checks.common import FAILED, Fail, NO_PROCESS, drain, each_call, own_workers, safe_repr, text
from grader.judging.scenario import scenario

STOP = "STOP"
PRODUCED = [11, None, "lily"]
TASKS = [3, 0, None, "", "lily"]
AFTER = "behind the STOP"
BATCHES = [[1, 2, 3], [4, 5, 6, 7]]
FALSY_BATCHES = [[0, None, ""], [], [False, "STOP?", 0.0]]


@scenario("produce_in_child", points=1, call="produce(tasks, [11, None, 'lily'])")
def produce_in_child(run):
    """produce, run in a child, puts every item in order and nothing else (no STOP)."""
    tasks = multiprocessing.Queue()
    proc = multiprocessing.Process(target=run.module.produce, args=(tasks, PRODUCED))
    proc.start()
    got = drain(tasks, proc)
    proc.join()
    return {"got": describe(got), "stop": getattr(run.module, "STOP", None)}


@produce_in_child.judge
def _(obs):
    if obs.extra.get("stop") != STOP:
        raise Fail(FAILED, text("stop_changed_producers"))
    got = obs.extra["got"]
    if same(got, PRODUCED + [STOP]):
        raise Fail(FAILED, text("produce_puts_stop", call=obs.scenario.call))
    if not same(got, PRODUCED):
        raise Fail(FAILED, text("produce_only_items", call=obs.scenario.call, actual=got["repr"],
                                expected=safe_repr(PRODUCED)))


@scenario("consume_in_child", points=1, call="consume(tasks, results)",
          deadlock_hint="consume_deadlock_hint")
def consume_in_child(run):
    """consume, run in a child, puts every item before its STOP on results, in order, and
    returns at that STOP, leaving what is behind it on the queue."""
    tasks, results = multiprocessing.JoinableQueue(), multiprocessing.Queue()  # task_done() allowed
    for obj in TASKS + [STOP, AFTER]:
        tasks.put(obj)
    proc = multiprocessing.Process(target=run.module.consume, args=(tasks, results))
    proc.start()
    got = drain(results, proc)
    proc.join()
    return {"got": describe(got), "child": proc.pid}


@consume_in_child.judge
def _(obs):
    child = obs.extra["child"]
    took = {e.get("value") for e in obs.of_kind("received") if e.get("pid") == child}
    label = "consume(tasks, results) with tasks = %s" % safe_repr(TASKS + [STOP, AFTER])
    if digest(AFTER) in took:
        raise Fail(FAILED, text("consume_past_stop", call=label, after=repr(AFTER)))
    got = obs.extra["got"]
    if not same(got, TASKS):
        raise Fail(FAILED, text("consume_items", call=label, actual=got["repr"], expected=safe_repr(TASKS)))


def _workers(obs, record, function, wanted):
    """The children that ran `function` during `record`'s call: exactly `wanted` of them."""
    if obs.runner_pid in obs.ran_in(function):
        raise Fail(NO_PROCESS, text("ran_in_caller", call=record["label"], function=function,
                                    pid=obs.runner_pid))
    return own_workers(obs, record, function, wanted)


def _expect_each_once(record, items):
    returned = record["returned"] or {}
    got = Counter(returned.get("items") or [])
    wanted = Counter(digest(item) for item in items)
    if returned.get("type") in ("list", "tuple") and got == wanted and returned.get("length") == len(items):
        return
    names = {digest(item): repr(item) for item in items}
    missing = sorted(names[d] for d in (wanted - got).elements())
    extra = sorted(names.get(d, "?") for d in (got - wanted).elements())
    detail = ""
    if missing:
        detail += " " + text("lines_missing", lines=", ".join(missing))
    if extra:
        detail += " " + text("items_extra", items=", ".join(extra))
    raise Fail(FAILED, text("pipeline_items", call=record["label"], actual=returned.get("repr", "nothing"),
                            expected=safe_repr(items)) + detail)


def _stops_after_producers(obs, label):
    """Every STOP the caller put during run_pipeline came after it had seen every producer end
    (joined, or found dead), in the caller's own order of events: so the verdict is the same
    whether an early STOP overtook an item this time (the run hangs) or not. A producer started
    after a STOP (by a later call) was not running when it was put."""
    begin, end = obs.call_window("run_pipeline")
    producers = obs.ran_in_children("produce")
    seen_end = {}
    for event in obs.of_kind("ended_seen"):
        if event.get("pid") == obs.runner_pid:
            seen_end.setdefault(event.get("child"), event["t"])
    started = {e.get("child"): e["t"] for e in obs.starts()}  # a later call's producers were not running yet
    for put in obs.of_kind("sentinel_put"):
        if put.get("pid") != obs.runner_pid or put.get("value") != digest(STOP) \
                or (begin is not None and put["t"] < begin) or (end is not None and put["t"] > end):
            continue
        running = sorted(p for p in producers if started.get(p, float("-inf")) < put["t"]
                         and (seen_end.get(p) is None or seen_end[p] > put["t"]))
        if running:
            raise Fail(FAILED, text("stop_before_producers", call=label,
                                    pids=", ".join(str(p) for p in running)))


def _stuck(obs):
    """For a deadlock: a STOP put before the producers ended (that fault, whatever this run
    did), else fewer STOPs than consumers."""
    _stops_after_producers(obs, obs.scenario.call)
    puts = [e for e in obs.of_kind("sentinel_put") if e.get("pid") == obs.runner_pid and e.get("value") == digest(STOP)]
    consumers = len(obs.ran_in_children("consume"))
    if len(puts) < consumers:
        return text("stops_missing", puts=len(puts), n=consumers)
    return None


def _pipeline(name, batches, n_consumers, points, hidden=False, twice=False):
    label = "run_pipeline(%s, %d)" % (safe_repr(batches, 80), n_consumers)
    items = [item for batch in batches for item in batch]

    @scenario(name, points=points, call=label, hidden=hidden, deadlock_hint="pipeline_deadlock_hint",
              explain_stuck=_stuck)
    def drive(run):
        for _ in range(2 if twice else 1):  # a program may call it twice
            run.call("run_pipeline", [list(b) for b in batches], n_consumers, label=label)

    @drive.judge
    def _(obs):
        each_call(obs, lambda record: _judge_pipeline(obs, record, batches, n_consumers, items))

    drive.doc = "run_pipeline returns every item exactly once, through %d producer and %d consumer " \
                "processes, STOPs put after the producers ended: %s" % (len(batches), n_consumers, label)
    if twice:
        drive.doc += "; called twice in one program."
    return drive


def _judge_pipeline(obs, record, batches, n_consumers, items):
    """One call of run_pipeline: its own producers and consumers, its STOPs, its items."""
    _workers(obs, record, "produce", len(batches))
    consumers = _workers(obs, record, "consume", n_consumers)
    _stops_after_producers(obs, record["label"])
    _expect_each_once(record, items)
    names = {digest(item): repr(item) for item in items}
    crossed = obs.crossed_from_child(record["returned"], consumers)
    missing = [names.get(d, "?") for d, ok in zip(record["returned"]["items"], crossed) if not ok]
    if missing:
        raise Fail(NO_PROCESS, text("not_crossed", call=record["label"], function="consume",
                                    missing=", ".join(missing)))


pipeline = _pipeline("pipeline", BATCHES, 3, 2, twice=True)
pipeline_falsy = _pipeline("pipeline_falsy", FALSY_BATCHES, 2, 2, hidden=True)
