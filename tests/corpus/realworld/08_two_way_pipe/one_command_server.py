"""Source: a public GitHub file (code index id 5483304225), Python 2: f(conn) receives one
command, sends back ['img', 'reward', 'terminal'] if it is 'process' and [-1, -1, -1] otherwise,
and returns (its conn.close() commented out); the main block starts it with child_conn, sends
'process', prints the reply and joins it (a second send, 'hello', commented out).
Adapted: f -> serve(conn): one request, answered with request * 2 unless it is STOP (the
author's reply lists replaced; nothing else); the main block -> ask_all(requests): for each
request, send it and receive its reply (the author's send/recv pair, once per request), then
send STOP and join, as the statement asks. Python 3 prints dropped.
Expected: serve answers the first request and returns: it never answers a second one, and the
caller, which never closes its copy of child_conn, waits for that reply for ever.
serve_answers failed (only [6]: the server ended after its first answer); ask_all_tutorial and
ask_all_large deadlock (waiting in recv() for the reply to the second request, from a server
that has ended); ask_all_empty passed (STOP is the one request it reads). Fork, spawn and
forkserver alike: run plainly, ask_all([21, 'ab', [1]]) hangs under all three, ask_all([])
returns []. The message must not say the server waits for STOP: it has ended.
Before the fix (a held-out program of issue 26), the grader said (fork): serve_answers failed
"The grader could not use what serve(conn) asked 3, then 'ab', then STOP gave back:
BrokenPipeError" (the grader's own send to the ended server broke; under spawn its receive was
reset: ConnectionResetError); ask_all_tutorial and
ask_all_large deadlock "never sent STOP: the server waits for another request for ever": the
verdicts right, both messages untrue (the server had returned after its first reply).
The diagnosis then: the grader's conversation with serve did not expect the server to be gone,
and the explanation of a stuck ask_all knew only a missing STOP and both sides sending. Now a
broken or reset pipe to an ended server ends the conversation (the replies so far are judged), and a
server that has returned is named as the reason the caller waits."""
from multiprocessing import Process, Pipe

STOP = "STOP"


def serve(conn):
    request = conn.recv()
    if request != STOP:
        conn.send(request * 2)
    # conn.close()


def ask_all(requests):
    parent_conn, child_conn = Pipe()
    p = Process(target=serve, args=(child_conn,))
    p.start()
    replies = []
    for request in requests:
        parent_conn.send(request)
        replies.append(parent_conn.recv())
    parent_conn.send(STOP)
    p.join()
    return replies
