"""Wrong: a one-way pipe (duplex=False): the caller's end can only send, so receiving the
reply on it raises OSError."""
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
    receiving, sending = Pipe(duplex=False)
    server = Process(target=serve, args=(receiving,))
    server.start()
    replies = []
    for request in requests:
        sending.send(request)
        replies.append(sending.recv())
    sending.send(STOP)
    server.join()
    return replies
