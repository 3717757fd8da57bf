"""Correct: the server is a Process subclass whose run() calls serve; serve iterates with
iter(conn.recv, STOP)."""
from multiprocessing import Pipe, Process

STOP = "STOP"


def serve(conn):
    for request in iter(conn.recv, STOP):
        conn.send(request * 2)


class Server(Process):
    def __init__(self, conn):
        super().__init__()
        self.conn = conn

    def run(self):
        serve(self.conn)


def ask_all(requests):
    mine, theirs = Pipe()
    server = Server(theirs)
    server.start()
    out = []
    for r in requests:
        mine.send(r)
        out.append(mine.recv())
    mine.send(STOP)
    server.join()
    return out
