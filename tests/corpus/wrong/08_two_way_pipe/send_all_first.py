"""Wrong: every request is sent before any reply is read: fine for small messages, but with
large ones the caller blocks sending while the server blocks sending a reply nobody reads."""
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
    for request in requests:
        here.send(request)
    replies = [here.recv() for _ in requests]
    here.send(STOP)
    server.join()
    return replies
