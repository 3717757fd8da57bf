"""Correct but slow: send_all sleeps 0.5 s before sending; the parent joins in a timeout loop."""

import time
from multiprocessing import Pipe, Process


def make_one_way_pipe():
    return Pipe(duplex=False)


def send_all(conn, items):
    time.sleep(0.5)
    for item in items:
        conn.send(item)
    conn.close()


def receive_all(items):
    r, w = make_one_way_pipe()
    p = Process(target=send_all, kwargs={"conn": w, "items": items})
    p.start()
    w.close()
    result = []
    while True:
        try:
            result.append(r.recv())
        except EOFError:
            break
    while p.is_alive():
        p.join(0.1)
    p.join()
    return result
