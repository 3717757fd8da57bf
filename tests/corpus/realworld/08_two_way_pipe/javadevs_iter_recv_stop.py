"""Source: a "Python concurrency 04: Multiprocessing, for Java developers" lesson file (public
GitHub file, code index id 51922630046), section 4 "Pipe": pipe_worker(conn) answers every
message with conn.send(f"echo: {msg}") in `for msg in iter(conn.recv, "STOP")`, then closes
conn; the main block makes Pipe(duplex=True), starts the worker with child_conn, and for each
of ["hello", "world", "STOP"] sends it and, unless it is STOP, receives the reply; then joins
the worker and closes parent_conn. The parent never closes its copy of child_conn.
Adapted: pipe_worker -> serve(conn), its reply f"echo: {msg}" -> msg * 2; the main block's
section 4 -> ask_all(requests), sending requests + [STOP] and collecting the replies it prints.
Expected: correct everywhere: one request at a time (so the 1 MB requests do not hang), STOP
sent last and not answered, the server joined. iter(conn.recv, "STOP") compares with ==, so a
request equal to "STOP" is the only stop. Run plainly under fork, spawn and forkserver:
[42, 'abab', [1, 1]], [] and the 1 MB requests answered."""
import multiprocessing

STOP = "STOP"


def serve(conn):
    for msg in iter(conn.recv, "STOP"):
        conn.send(msg * 2)
    conn.close()


def ask_all(requests):
    parent_conn, child_conn = multiprocessing.Pipe(duplex=True)

    worker_proc = multiprocessing.Process(target=serve, args=(child_conn,))
    worker_proc.start()

    replies = []
    for message in list(requests) + [STOP]:
        parent_conn.send(message)
        if message != "STOP":
            reply = parent_conn.recv()
            replies.append(reply)

    worker_proc.join()
    parent_conn.close()
    return replies
