"""Source: public GitHub file found by the code search (the index named no repository) whose
docstring says 'Copied and edited from:
https://stackoverflow.com/questions/55110733/python-multiprocessing-pipe-communication-between-processes';
its read_pipe() does `if child_conn.poll(): <read the messages> else: pass`.
Intent: read whatever is ready without blocking.
Adapted: read_pipe's body -> receive_all, reading until EOFError (the exercise's end signal)
where the author read until an 'EOM' marker; Pipe(duplex=False) as make_one_way_pipe.
Expected: make_one_way_pipe, send_all, receive_all_empty passed. receive_all_tutorial failed
under spawn (the child is never ready when poll() is called: returns []); receive_all_large
deadlock there (gives up, joins a child stuck sending 1 MB). Under fork it races: run 8 times
plainly, the tutorial case returned the items 3 times and [] 5 times. Under forkserver, whose
children start warm, it races too (seen passing once in CI, with users of their own). A run
whose poll() found the data behaved correctly, so fork and forkserver are left out of those two
scenarios."""
from multiprocessing import Process, Pipe
from datetime import datetime

SENTINEL = 'SENTINEL'
EOM_CHAR = 'EOM'


def make_one_way_pipe():
    parent_conn, child_conn = Pipe(duplex=False)
    return parent_conn, child_conn


def send_all(conn, items):
    for item in items:
        conn.send(item)
    conn.close()


def receive_all(items):
    """Read the data from the pipe."""
    child_conn, parent_conn = make_one_way_pipe()
    p = Process(target=send_all, args=(parent_conn, items))
    p.start()
    parent_conn.close()
    result = []
    try:
        # Check if there is a message ready
        if child_conn.poll():
            while True:
                try:
                    result.append(child_conn.recv())
                except EOFError:
                    break
        else:
            pass
    except OSError:
        pass
    p.join()
    return result
