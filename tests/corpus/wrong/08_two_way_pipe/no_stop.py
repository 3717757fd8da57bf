"""Wrong: ask_all never sends STOP, so the server waits for another request for ever, and so
does the join."""
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
    server = Process(target=serve, args=(there,))
    server.start()
    replies = []
    for request in requests:
        here.send(request)
        replies.append(here.recv())
    server.join()
    return replies
