"""Correct: both ends used as context managers (closed on leaving the with block), a helper
that asks one question."""
from multiprocessing import Pipe, Process

STOP = "STOP"


def serve(conn):
    with conn:
        request = conn.recv()
        while request != STOP:
            conn.send(request * 2)
            request = conn.recv()


def ask(conn, request):
    conn.send(request)
    return conn.recv()


def ask_all(requests):
    client, server_end = Pipe()
    with client:
        server = Process(target=serve, args=(server_end,))
        server.start()
        server_end.close()
        replies = [ask(client, r) for r in requests]
        client.send(STOP)
        server.join()
    return replies
