"""Correct: a spawn context, Pipe(duplex=True) spelled out, debug prints on both sides."""
import multiprocessing as mp
import os

STOP = "STOP"


def serve(conn):
    print("server", os.getpid(), "ready", flush=True)
    while True:
        request = conn.recv()
        if request == STOP:
            print("server got STOP", flush=True)
            return
        print("server got", repr(request)[:20], flush=True)
        conn.send(request * 2)


def ask_all(requests):
    ctx = mp.get_context("spawn")
    a, b = ctx.Pipe(duplex=True)
    p = ctx.Process(target=serve, args=(b,))
    p.start()
    replies = []
    for i, request in enumerate(requests):
        a.send(request)
        reply = a.recv()
        print("request", i, "answered")
        replies.append(reply)
    a.send(STOP)
    p.join()
    print("server exit code", p.exitcode)
    return replies
