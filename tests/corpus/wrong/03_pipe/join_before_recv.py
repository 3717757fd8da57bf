"""Wrong: joins the sender before receiving; fine for small items, deadlocks once the pipe fills up."""

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
    p.start()
    w.close()
    p.join()
    result = []
    while True:
        try:
            result.append(r.recv())
        except EOFError:
            break
    return result
