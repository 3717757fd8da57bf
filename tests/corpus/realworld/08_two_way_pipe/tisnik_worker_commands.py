"""Source: tisnik/most-popular-python-libs, concurrent/multiprocessing5.py.
Intent: a worker process loops on conn.recv(), prints each command, returns on "quit" and
otherwise sends back "<name> accepted <command>"; the main program sends ten commands over a
two-way Pipe, printing each reply before sending the next, then "quit", then joins.
Adapted: worker(name, conn) -> serve(conn) (the name kept as a constant), "quit" -> STOP, the
reply -> request * 2 (the exercise's answer), the one-second time.sleep after each reply
dropped; main() -> ask_all(requests), sending the given requests instead of ten commands and
returning the replies instead of printing them.
Expected: passed everywhere (run plainly: the right replies under all three methods)."""
from multiprocessing import Process, Pipe

STOP = "STOP"
NAME = "Worker"


def serve(conn):
    while True:
        cmd = conn.recv()
        print("{} received {}".format(NAME, repr(cmd)[:40]))
        if cmd == STOP:
            return
        else:
            conn.send(cmd * 2)


def ask_all(requests):
    parent_conn, child_conn = Pipe()

    p = Process(target=serve, args=(child_conn,))
    p.start()

    replies = []
    for request in requests:
        parent_conn.send(request)
        replies.append(parent_conn.recv())

    parent_conn.send(STOP)

    p.join()
    return replies
