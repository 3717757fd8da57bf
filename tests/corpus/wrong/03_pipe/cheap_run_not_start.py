"""Cheap trick: receive_all calls p.run() instead of p.start(): send_all runs in the calling
process (small items fit in the pipe buffer, 1 MB items block send() forever since nobody reads
yet), the items are received, then join() raises AssertionError."""

from multiprocessing import Pipe, Process


def make_one_way_pipe():
    r, w = Pipe(duplex=False)
    return r, w


def send_all(conn, items):
    for item in items:
        conn.send(item)
    conn.close()


def receive_all(items):
    r, w = make_one_way_pipe()
    p = Process(target=send_all, args=(w, items))
    p.run()
    w.close()
    result = []
    while True:
        try:
            result.append(r.recv())
        except EOFError:
            break
    p.join()
    return result
