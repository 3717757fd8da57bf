"""14_manager_dict: record and fill_in_manager. Which process wrote each key into a manager's
dict is seen in that process, where its proxy sends the write (hooks: `proxy_write`); what the
children wrote into a plain dict is lost with them, and the grader says so from the absence of
any such write."""
from grader.engine.values import describe, digest
from grader.judging.checks.common import FAILED, NO_PROCESS, Fail, own_workers, ran_in_child, safe_repr, text
from grader.judging.outcomes import NOT_JOINED
from grader.judging.scenario import scenario

PAIRS = [("apple", 3), ("二", [1, 2]), (7, None), ("pear", {"x": 1.5})]
MANAGER_TARGET = "_run_server"


@scenario("record_writes", points=1, call="record(d, 'k', 42)")
def record_writes(run):
    """record stores the value under the key."""
    d = {}
    run.call("record", d, "k", 42, label="record(d, 'k', 42)")
    return {"d": describe(d)}


@record_writes.judge
def _(obs):
    if obs.extra["d"]["repr"] != repr({"k": 42}):
        raise Fail(FAILED, text("manager_record", actual=obs.extra["d"]["repr"]))


def _normal(value):
    return describe(sorted(value.items(), key=repr)) if type(value) is dict else None


def _expect_shut_down(record):
    for proc in record["processes"]:
        if not proc["waited"]:
            if proc["target"].endswith(MANAGER_TARGET):
                raise Fail(NOT_JOINED, text("manager_not_shut", call=record["label"]))
            raise Fail(NOT_JOINED, text("not_joined", call=record["label"], count=1, which="pid %d running %s, %s" % (
                proc["pid"], proc["target"], text("state_" + proc["status"]))))


def _fill(name, pairs, points, hidden=False):
    label = "fill_in_manager(%s)" % safe_repr(pairs, 80)

    @scenario(name, points=points, call=label, hidden=hidden, allow_unjoined=True)
    def drive(run):
        value = run.call("fill_in_manager", list(pairs), label=label)
        if not pairs:
            return {"normal": _normal(value)}
        again = run.call("fill_in_manager", list(pairs), label=label)  # a program may call it twice
        return {"normal": _normal(value), "again": _normal(again)}

    @drive.judge
    def _(obs):
        record = obs.call()
        returned = record["returned"] or {}
        writers = ran_in_child(obs, record, "record") if pairs else set()
        for each in obs.calls:
            _expect_shut_down(each)
        if pairs:  # one process per pair, started by the student's code (not the Manager's own)
            own_workers(obs, record, "record", len(pairs))
        writes = [e for e in obs.of_kind("proxy_write") if e.get("typeid") == "dict"]
        if returned.get("type") != "dict":
            key = "manager_returned_proxy" if "Proxy" in str(returned.get("type")) else "manager_not_dict"
            raise Fail(FAILED, text(key, call=label, actual=returned.get("repr", "nothing")))
        expected = _normal(dict(pairs))
        if obs.extra.get("normal", {}).get("digest") != expected["digest"]:
            hint = " " + text("manager_plain_dict") if pairs and not any(e["pid"] in writers for e in writes) else ""
            raise Fail(FAILED, text("manager_contents", call=label, actual=returned.get("repr"),
                                    expected=safe_repr(dict(pairs))) + hint)
        for key, _ in pairs:
            by = {e["pid"] for e in writes if digest(key) in e.get("keys", [])}
            if not by & writers:
                raise Fail(NO_PROCESS, text("manager_key_not_from_child", call=label, item=safe_repr(key)))
        if "again" in obs.extra and (obs.extra["again"] or {}).get("digest") != expected["digest"]:
            again = obs.calls[-1]["returned"] or {}
            raise Fail(FAILED, text("cause_second_call", call=label) + "\n" + text(
                "manager_contents", call=label, actual=again.get("repr"), expected=safe_repr(dict(pairs))))

    drive.doc = "%s returns a plain dict of every pair, each written into one manager dict by a " \
                "child process running record; the manager is shut down." % label
    if pairs:
        drive.doc += " Called twice in one program."
    return drive


fill_from_children = _fill("fill_from_children", PAIRS, 3)
fill_nothing = _fill("fill_nothing", [], 1, hidden=True)
