"""Wrong: the server is stopped with terminate() instead of being sent STOP."""
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
    server.terminate()
    server.join()
    return replies
