"""Source: a public GitHub file (code index id 33372133217), a course's process-per-client echo
server: talk(conn) loops `try: msg = conn.recv(1024); conn.send(msg.upper())` `except
Exception: break`, then conn.close(); the main block accepts socket connections and starts
Process(target=talk, args=(conn,)) for each.
Adapted: the socket connection -> one end of a Pipe: talk(conn) -> serve(conn) with conn.recv()
instead of conn.recv(1024) and msg * 2 instead of msg.upper() (the loop, the bare
`except Exception: break` and the close kept; no test for STOP, as the author has none: the
server stops only when the connection fails); the client side -> ask_all(requests), which sends
each request and receives its reply, then sends STOP and joins, as the statement asks.
Expected: serve fails (it answers STOP with "STOPSTOP" and waits for the next request instead of
returning); ask_all hangs: the caller waits in join() for a server that waits in recv().
Held out, graded once: agreed under fork and spawn."""
from multiprocessing import Process, Pipe

STOP = "STOP"


def serve(conn):
    while True:
        try:
            msg = conn.recv()
            conn.send(msg * 2)
        except Exception:
            break
    conn.close()


def ask_all(requests):
    client, server_end = Pipe()
    p = Process(target=serve, args=(server_end,))
    p.start()
    replies = []
    for msg in requests:
        client.send(msg)
        data = client.recv()
        replies.append(data)
    client.send(STOP)
    p.join()
    return replies
