"""08_two_way_pipe: serve and ask_all. The grader talks to the student's server one request at
a time and waits for each reply, so a server that does not answer at once is stuck, not lucky;
which process ran serve, and which process each reply came from, are the trace hook's and the
pickler's observations."""
import multiprocessing

from grader.engine.values import describe, digest, safe_repr, same
from grader.judging.checks.common import (FAILED, Fail, each_call, expect_items_crossed, expect_return,
                                          ran_in_child, text)
from grader.judging.scenario import scenario

STOP = "STOP"
SERVED = [3, "ab"]
TUTORIAL = [3, "ab", [1]]
LARGE = ["x" * 1000000, "y" * 1000000, 5]


def _talk(conn, proc, requests):
    """Send each request and wait for its reply (or for the server to end), then STOP; then
    wait until the server has ended, reading anything more it sends."""
    from multiprocessing.connection import wait

    replies, ended = [], False
    for request in requests:
        reply = _received(conn, proc) if _sent(conn, request) else _ENDED
        if reply is _ENDED:  # the server ended: it reads no more requests
            ended = True
            break
        replies.append(reply)
    if not ended:
        _sent(conn, STOP)
    while _received(conn, proc) is not _ENDED:
        pass
    wait([proc.sentinel])
    return replies


_ENDED = object()


def _received(conn, proc):
    """The server's next message, or _ENDED once it has ended or closed its end (a socket
    pipe closed with a request still unread in it is reset, not just at its end)."""
    from multiprocessing.connection import wait

    if conn not in wait([conn, proc.sentinel]):
        return _ENDED
    try:
        return conn.recv()
    except (EOFError, ConnectionResetError, BrokenPipeError):
        return _ENDED


def _sent(conn, obj):
    """Send `obj`; False when the server has ended and closed its end (a broken pipe)."""
    try:
        conn.send(obj)
        return True
    except (BrokenPipeError, ConnectionResetError):
        return False


@scenario("serve_answers", points=1, call="serve(conn) asked 3, then 'ab', then STOP",
          deadlock_hint="serve_deadlock_hint")
def serve_answers(run):
    """serve, run in a child, answers each request at once with request * 2, and returns at STOP."""
    here, there = multiprocessing.Pipe()
    proc = multiprocessing.Process(target=run.module.serve, args=(there,))
    proc.start()
    there.close()
    replies = _talk(here, proc, SERVED)
    proc.join()
    return {"replies": describe(replies), "stop": getattr(run.module, "STOP", None)}


@serve_answers.judge
def _(obs):
    if obs.extra.get("stop") != STOP:
        raise Fail(FAILED, text("stop_changed_pipe"))
    expected = [r * 2 for r in SERVED]
    if not same(obs.extra["replies"], expected):
        raise Fail(FAILED, text("serve_replies", call=obs.scenario.call, actual=obs.extra["replies"]["repr"],
                                expected=safe_repr(expected)))


def _stop_never_sent(obs):
    """For a deadlock: the caller never sent STOP (seen where it pickled what it sent); when
    it was stuck sending while the server was stuck sending too (seen in their stacks), that
    is why it never got to its STOP, and the message says so; when the server had already
    ended (it answered some requests and returned), that is why, and the message says so."""
    sent = any(e.get("pid") == obs.runner_pid and e.get("value") == digest(STOP) for e in obs.of_kind("sent"))
    if sent:
        return None
    from grader.judging import judge as judging  # the grader's side only: not handed to the runner

    entries = judging.blocked_entries(obs)
    ended = obs.ran_in_children("serve") & {e["pid"] for e in obs.of_kind("child_end")}
    if ended:
        server = min(ended)
        replies = sum(1 for e in obs.of_kind("sent") if e.get("pid") == server)
        mine = [e["line"] for e in entries if e["pid"] == obs.runner_pid and e.get("line")]
        return text("server_ended_early", call=obs.scenario.call, n=replies,
                    at=mine[0] if mine else text("server_ended_caller"))
    sending = [e for e in entries if e["wait"] == "wait_send" and e.get("line")]
    mine = [e for e in sending if e["pid"] == obs.runner_pid]
    others = [e for e in sending if e["pid"] != obs.runner_pid]
    if mine and others:
        return text("both_sending", call=obs.scenario.call, at=mine[0]["line"], who=others[0]["who"],
                    other_at=others[0]["line"])
    return text("stop_never_sent", call=obs.scenario.call)


def _ask_all(name, requests, points, label, hidden=False, twice=False):
    expected = [r * 2 for r in requests]

    @scenario(name, points=points, call=label, hidden=hidden, deadlock_hint="ask_all_deadlock_hint",
              explain_stuck=_stop_never_sent)
    def drive(run):
        for _ in range(2 if twice else 1):  # a program may call it twice
            run.call("ask_all", list(requests), label=label)

    @drive.judge
    def _(obs):
        def check(record):
            servers = ran_in_child(obs, record, "serve")
            if servers & obs.terminated():
                raise Fail(FAILED, text("server_terminated", call=label))
            got_stop = any(e.get("pid") in servers and e.get("value") == digest(STOP) for e in obs.of_kind("received"))
            if not got_stop:
                raise Fail(FAILED, text("server_no_stop", call=label))
            expect_return(record, expected)
            expect_items_crossed(obs, record, expected, "serve")
        each_call(obs, check)

    drive.doc = "ask_all returns the server's reply to each request, sends STOP, joins it: " + label
    if twice:
        drive.doc += "; called twice in one program."
    return drive


ask_all_tutorial = _ask_all("ask_all_tutorial", TUTORIAL, 2, "ask_all([3, 'ab', [1]])", twice=True)
ask_all_large = _ask_all("ask_all_large", LARGE, 1, "ask_all(['x' * 1000000, 'y' * 1000000, 5])", hidden=True)
ask_all_empty = _ask_all("ask_all_empty", [], 1, "ask_all([])", hidden=True)
