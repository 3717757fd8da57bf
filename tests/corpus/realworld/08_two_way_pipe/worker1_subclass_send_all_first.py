"""Source: a public GitHub file (code index id 1298331534) with ping/pong functions and a
Worker1(Process) subclass holding one end of a Pipe: its run() loops on
`command, data = self.pipe.recv()`, returns on 'exit', and answers every other command with
self.pipe.send(command + ' success'), printing (and otherwise ignoring) any exception. The
main block starts Worker1(child_conn), sends ('cmd1', []), ('cmd2', []) and ('exit', []) one
after the other, and only then receives the two replies. It never joins the worker.
Adapted: run()'s loop moved into serve(conn), which run() calls, its requests plain objects
instead of (command, data) pairs: 'exit' -> STOP, `command + ' success'` -> request * 2; the
main block -> ask_all(requests): it sends every request and STOP, then receives one reply per
request, as the author does, and joins the worker (added: the statement asks for it).
Expected: serve is right (one reply per request, returns at STOP, nothing sent back for it);
ask_all sends every request before reading any reply. With small requests the pipe holds them
and it works ([42, 'abab', [1, 1]]); with 1 MB requests both sides block sending (the caller
its second request, the server its first 2 MB reply): ask_all_large deadlock, under fork, spawn
and forkserver (run plainly: hangs on ask_all(['x' * 10**6, 'y' * 10**6, 5]) under all three).
The message should say both were sending, not that STOP was never sent."""
from multiprocessing import Pipe, Process

STOP = "STOP"


def serve(conn):
    try:
        while True:
            try:
                request = conn.recv()
                if request == STOP:
                    return
                try:
                    result = request * 2
                except Exception as e:
                    result = False, None

                conn.send(result)
            except Exception as e:
                print(e)
    except Exception as e:
        print(e)


class Worker1(Process):
    def __init__(self, pipe):
        super(Worker1, self).__init__()
        self.pipe = pipe
        self.model_pool = {}
        self.alg_mapping = {}

    def run(self):
        serve(self.pipe)


def ask_all(requests):
    parent_conn, child_conn = Pipe()
    worker1 = Worker1(child_conn)
    worker1.start()
    for request in requests:
        parent_conn.send(request)
    parent_conn.send(STOP)
    replies = [parent_conn.recv() for _ in requests]
    worker1.join()
    return replies
