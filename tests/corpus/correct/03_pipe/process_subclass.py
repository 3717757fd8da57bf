"""Correct: a Process subclass whose run() calls send_all; the parent uses `with` on its receiving end."""

from multiprocessing import Pipe, Process


def make_one_way_pipe():
    receiving_end, sending_end = Pipe(duplex=False)
    return (receiving_end, sending_end)


def send_all(conn, items):
    with conn:
        for item in items:
            conn.send(item)


class Sender(Process):
    def __init__(self, conn, items):
        super().__init__()
        self.conn = conn
        self.items = items

    def run(self):
        send_all(self.conn, self.items)


def receive_all(items):
    r, w = make_one_way_pipe()
    sender = Sender(w, items)
    sender.start()
    w.close()
    result = []
    with r:
        while True:
            try:
                item = r.recv()
            except EOFError:
                break
            result.append(item)
    while sender.exitcode is None:
        sender.join(0.05)
    return result
