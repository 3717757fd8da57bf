"""Wrong: receive_all stops as soon as poll() finds nothing yet: racy, whatever the start method."""
from multiprocessing import Pipe, Process
def make_one_way_pipe():
    return Pipe(duplex=False)
def send_all(conn, items):
    for item in items:
        conn.send(item)
    conn.close()
def receive_all(items):
    r, w = make_one_way_pipe()
    p = Process(target=send_all, args=(w, items))
    p.start()
    got = []
    if r.poll():
        while r.poll():
            got.append(r.recv())
    r.close()
    p.join()
    return got
