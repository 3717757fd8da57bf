"""Source: shavryl/DRFplayground, games/concurrency/multy2.py (after Lutz, Programming Python).
Intent: `Process(target=sender, args=(childEnd,)).start()`, print parentEnd.recv(), close.
Adapted: sender -> send_all(pipe, items) sending the list as one message (as the author);
receive_all returns the one recv().
Expected: make_one_way_pipe failed (two-way), send_all failed (one message); receive_all_*
not_joined: no reference to the process is kept and it is never joined (run plainly: under
spawn the child was still listed by active_children() after the call)."""
"""
Use multiprocess anonymous pipes to communicate. Returns 2 connection
object representing ends of the pipe: objects are sent on one end and
received on the other, though pipes are bidirectional by default
"""


import os
from multiprocessing import Process, Pipe


def make_one_way_pipe():
    (parentEnd, childEnd) = Pipe()
    return parentEnd, childEnd


def send_all(pipe, items):
    pipe.send(items)
    pipe.close()


def receive_all(items):
    (parentEnd, childEnd) = make_one_way_pipe()
    Process(target=send_all, args=(childEnd, items)).start()
    got = parentEnd.recv()
    print('parent got:', type(got))
    parentEnd.close()
    return got
