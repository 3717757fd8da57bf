"""Source: longgediyi999/python-example, process-pipe.py.
Intent: the docs' Pipe example with p.join() before parent_conn.recv().
Adapted: f -> send_all(conn, items) (one message, as the author); `__main__` -> receive_all;
the child's time.sleep(2) dropped.
Expected: make_one_way_pipe and send_all failed; receive_all_tutorial and _empty passed
(the message fits the pipe buffer); receive_all_large deadlock (2 MB: the child waits for the
reader, the caller waits in join). Run plainly: the same under all three methods."""
from multiprocessing import Process, Pipe
import time


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
    p.join()
    return parent_conn.recv()
