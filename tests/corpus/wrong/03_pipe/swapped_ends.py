"""Wrong: make_one_way_pipe returns (sending_end, receiving_end), the ends swapped."""

from multiprocessing import Pipe, Process


def make_one_way_pipe():
    r, w = Pipe(False)
    return w, r


def send_all(conn, items):
    for item in items:
        conn.send(item)
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
