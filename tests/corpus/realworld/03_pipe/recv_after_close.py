"""Source: maksim-shmat/knowlege, python/multi2.py (a copy of Lutz's multi2.py, Programming Python,
edited by its owner).
Intent: the child sends a list through a Pipe and closes it; the parent prints what it got.
Adapted: sender -> send_all(pipe, items) sending the list as one message (as the author);
the `__main__` lines up to the second recv() -> receive_all, which returns the first message;
the author's later lines (send on the closed end, child.join() on an undefined name) are not
reached and were left out.
Expected: make_one_way_pipe failed (two-way), send_all failed (one message); receive_all_*
crashed: after parentEnd.close() the author calls parentEnd.recv() again, which raises
OSError: handle is closed in the calling process (run plainly: the same under fork, spawn and
forkserver)."""
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
    print('parent got:', parentEnd.recv())
    return got
