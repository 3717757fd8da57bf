"""Wrong: receive_all calls send_all in the calling process; small items fit in the pipe, large ones block."""

from multiprocessing import Pipe


def make_one_way_pipe():
    r, w = Pipe(duplex=False)
    return r, w


def send_all(conn, items):
    for item in items:
        conn.send(item)
    conn.close()


def receive_all(items):
    r, w = make_one_way_pipe()
    send_all(w, items)
    result = []
    while True:
        try:
            result.append(r.recv())
        except EOFError:
            break
    return result
