"""Source: evescn/python-code, day8/多进程pipe.py (the docs' Pipe example).
Intent: the child sends [42, None, 'hello'] in one message, the parent prints one recv().
Adapted: f -> send_all(conn, items) sending the whole list as the author did (one message);
the `__main__` block -> receive_all returning what the one recv() gave; the author's print of
it became a print of its type and length.
Expected: make_one_way_pipe failed (Pipe() is two-way), send_all failed (one message holding
the list); receive_all_* passed: the one message is the list itself (run plainly: right
results under all three methods)."""
from multiprocessing import Process, Pipe


def make_one_way_pipe():
    parent_conn, child_conn = Pipe()
    return parent_conn, child_conn


def send_all(conn, items):
    conn.send(items)
    conn.close()


def receive_all(items):
    parent_conn, child_conn = make_one_way_pipe()
    p = Process(target=send_all, args=(child_conn, items))
    p.start()
    result = parent_conn.recv()
    print(type(result), len(result))
    p.join()
    return result
