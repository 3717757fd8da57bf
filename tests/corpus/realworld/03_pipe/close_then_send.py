"""Source: malfoyz/itm, 6-parallelizm-concurrency/zproger_threading/processes/6-pipe/6.py.
Intent: a lesson on what happens when a connection is closed before sending.
Adapted: send_data -> send_all(conn, items) (close, then send the list); main -> receive_all
with the author's single recv(); the author's second sender process (which is what actually
delivered 'hello 2' in the original) dropped.
Expected: make_one_way_pipe failed; send_all crashed (OSError: handle is closed, raised by the
call); receive_all_* crashed: the child dies with OSError: handle is closed, and the caller,
which still holds its own copy of the sending end, would wait in recv() forever (run plainly:
the traceback, then a hang, under all three methods)."""
import time

from multiprocessing import Pipe, Process


def make_one_way_pipe():
    output_c, input_c = Pipe()
    return output_c, input_c


def send_all(conn, items):
    conn.close()
    conn.send(items)


def receive_all(items):
    output_c, input_c = make_one_way_pipe()
    Process(target=send_all, args=(input_c, items)).start()
    data = output_c.recv()
    print('data:', type(data))
    return data
