"""03_pipe: make_one_way_pipe, send_all and receive_all."""
import multiprocessing

from grader.judging.checks.common import (FAILED, Fail, each_call, expect_items_crossed, expect_return, expect_stream_ended,
                                          explain_gave_up, ran_in_child, safe_repr, text)
from grader.judging.scenario import scenario
from grader.engine.values import describe, same

TUTORIAL = [11, None, "lily"]
LARGE = ["x" * 1000000, "y" * 1000000, 7]


def _ends(pair):
    from multiprocessing.connection import Connection

    if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(e, Connection) for e in pair)):
        return None
    return pair


def _try_send(sender, receiver):
    try:
        sender.send("ping")
    except OSError:
        return False
    return receiver.poll() and receiver.recv() == "ping"


@scenario("make_one_way_pipe", points=1, call="make_one_way_pipe()")
def make_one_way_pipe(run):
    """make_one_way_pipe returns (receiving end, sending end) of a one-way pipe."""
    pair = _ends(run.call("make_one_way_pipe", label="make_one_way_pipe()"))
    if pair is None:
        return {"pair": False}
    receiving, sending = pair
    return {"pair": True, "r_readable": receiving.readable, "r_writable": receiving.writable,
            "s_readable": sending.readable, "s_writable": sending.writable,
            "forward": _try_send(sending, receiving), "backward": _try_send(receiving, sending)}


@make_one_way_pipe.judge
def _(obs):
    record, extra = obs.call(), obs.extra
    if not extra["pair"]:
        raise Fail(FAILED, text("pipe_not_pair", actual=record["returned"]["repr"]))
    if extra["r_writable"] and extra["r_readable"]:
        raise Fail(FAILED, text("pipe_two_way"))
    if extra["r_writable"] and not extra["r_readable"]:
        raise Fail(FAILED, text("pipe_swapped"))
    if not extra["forward"] or extra["backward"]:
        raise Fail(FAILED, text("pipe_broken", detail=text(
            "pipe_forward_arrived" if extra["forward"] else "pipe_forward_lost")))


@scenario("send_all", points=1, call="send_all(conn, [11, None, 'lily'])")
def send_all(run):
    """send_all sends the items in order and closes its end."""
    receiving, sending = multiprocessing.Pipe(duplex=False)
    run.call("send_all", sending, list(TUTORIAL), label="send_all(conn, [11, None, 'lily'])")
    closed = sending.closed
    if not closed:
        sending.close()
    got = []
    while True:
        try:
            got.append(receiving.recv())
        except EOFError:
            break
    return {"got": describe(got), "closed": closed}


@send_all.judge
def _(obs):
    if not same(obs.extra["got"], TUTORIAL):
        raise Fail(FAILED, text("send_all_items", items=safe_repr(TUTORIAL),
                                actual=obs.extra["got"]["repr"], expected=safe_repr(TUTORIAL)))
    if not obs.extra["closed"]:
        raise Fail(FAILED, text("send_all_open"))


def _receive_all(name, items, points, label, hidden=False, twice=False):
    """A scenario: receive_all(items) must run send_all in a child and return `items` in order,
    each received from that child; `twice`: called again in the same program."""

    @scenario(name, points=points, call=label, hidden=hidden, deadlock_hint="pipe_deadlock_hint",
              explain_stuck=explain_gave_up)
    def drive(run):
        for _ in range(2 if twice else 1):  # a program may call it twice
            run.call("receive_all", list(items), label=label)

    @drive.judge
    def _(obs):
        def check(record):
            ran_in_child(obs, record, "send_all")
            expect_stream_ended(obs, record, None, items)
            expect_return(record, items)
            expect_items_crossed(obs, record, items, "send_all")
        each_call(obs, check)

    drive.doc = "receive_all returns the items a child sent, stopping at EOFError: " + label
    if twice:
        drive.doc += "; called twice in one program."
    return drive


receive_all_tutorial = _receive_all("receive_all_tutorial", TUTORIAL, 2, "receive_all([11, None, 'lily'])",
                                    twice=True)
receive_all_empty = _receive_all("receive_all_empty", [], 1, "receive_all([])", hidden=True)
receive_all_large = _receive_all("receive_all_large", LARGE, 1, "receive_all(['x' * 1000000, 'y' * 1000000, 7])", hidden=True)
