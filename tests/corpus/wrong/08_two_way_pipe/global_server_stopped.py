"""Wrong: the server process and the caller's end of its pipe are made once, on the first call,
and kept in module globals; the first call sends STOP and joins the server. The first call
works; a second call in the same program sends to a server that has already ended
(BrokenPipeError)."""
from multiprocessing import Pipe, Process

STOP = "STOP"
_conn = None
_server = None


def serve(conn):
    while True:
        request = conn.recv()
        if request == STOP:
            break
        conn.send(request * 2)
    conn.close()


def ask_all(requests):
    global _conn, _server
    if _conn is None:
        _conn, there = Pipe()
        _server = Process(target=serve, args=(there,))
        _server.start()
        there.close()
    replies = []
    for request in requests:
        _conn.send(request)
        replies.append(_conn.recv())
    _conn.send(STOP)
    _server.join()
    return replies
