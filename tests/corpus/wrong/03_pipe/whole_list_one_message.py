"""Wrong: send_all sends the whole list as one message instead of each item."""

from multiprocessing import Pipe, Process


def make_one_way_pipe():
    r, w = Pipe(duplex=False)
    return r, w


def send_all(conn, items):
    conn.send(items)
    conn.close()


def receive_all(items):
    r, w = make_one_way_pipe()
    p = Process(target=send_all, args=(w, items))
    p.start()
    w.close()
    result = []
    while True:
        try:
            result.append(r.recv())
        except EOFError:
            break
    p.join()
    return result
