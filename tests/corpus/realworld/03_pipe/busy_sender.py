"""Source: Ltesfaye/ECE_5725_Final_Project, test_run.py.
Intent: the child sends three messages, then spins in `while True: pass` (conn.close() after
it is never reached); the parent receives three and joins.
Adapted: f -> send_all sending the items; the parent receives len(items) messages instead of 3;
the child's time.sleep(2) dropped.
Expected: make_one_way_pipe failed (two-way); send_all timeout (called directly, it spins in the
caller); receive_all_tutorial timeout (the caller waits in join for a busy child). Run plainly:
hangs at 100% CPU under all three methods."""
from multiprocessing import Process, Pipe
import time

def make_one_way_pipe():
    parent_conn, child_conn = Pipe()
    return parent_conn, child_conn

def send_all(conn, items):
    for item in items:
        conn.send(item)
    while True:
        pass
   
    conn.close()

def receive_all(items):
    parent_conn, child_conn = make_one_way_pipe()
    st = time.time()
    p = Process(target=send_all, args=(child_conn, items))
    p.start()
    result = []
    for i in range(len(items)):
        result.append(parent_conn.recv())
    p.join()
    return result
