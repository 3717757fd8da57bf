"""Wrong: receive_all calls set_start_method() itself. It works the first time; the second call
in the same program raises RuntimeError: context has already been set."""
import multiprocessing
from multiprocessing import Pipe, Process


def make_one_way_pipe():
    return Pipe(duplex=False)


def send_all(conn, items):
    for item in items:
        conn.send(item)
    conn.close()


def receive_all(items):
    multiprocessing.set_start_method("spawn")
    receiving_end, sending_end = make_one_way_pipe()
    p = Process(target=send_all, args=(sending_end, items))
    p.start()
    sending_end.close()
    received = []
    while True:
        try:
            received.append(receiving_end.recv())
        except EOFError:
            break
    p.join()
    return received
