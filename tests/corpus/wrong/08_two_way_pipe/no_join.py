"""Wrong: ask_all sends STOP but returns without joining the server."""
from multiprocessing import Pipe, Process

STOP = "STOP"


def serve(conn):
    while True:
        request = conn.recv()
        if request == STOP:
            break
        conn.send(request * 2)
    conn.close()


def ask_all(requests):
    here, there = Pipe()
    Process(target=serve, args=(there,)).start()
    replies = []
    for request in requests:
        here.send(request)
        replies.append(here.recv())
    here.send(STOP)
    return replies
