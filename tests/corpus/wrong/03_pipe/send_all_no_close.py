"""Wrong: send_all never closes conn (EOF then only comes when the child process exits)."""

from multiprocessing import Pipe, Process


def make_one_way_pipe():
    r, w = Pipe(duplex=False)
    return r, w


def send_all(conn, items):
    for item in items:
        conn.send(item)


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
