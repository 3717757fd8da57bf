"""Racy, and usually lucky: receive_all waits at most 10 ms for each message (poll(0.01)) and
stops at the first wait that finds nothing. On an idle machine a forked child starts and sends
well within that, so the tutorial scenario passes nearly every time; a child that starts a few
milliseconds late makes it return []. `mpkit grade --shake` delays process starts on purpose,
so some seeds make it fail every time (tests/test_shake.py). It is kept out of cases.toml:
without shaking its verdict is luck. (receive_all_large usually ends in a deadlock even
unshaken: a 1 MB item takes the child longer than 10 ms to send.)"""
from multiprocessing import Pipe, Process


def make_one_way_pipe():
    return Pipe(duplex=False)


def send_all(conn, items):
    for item in items:
        conn.send(item)
    conn.close()


def receive_all(items):
    receiving, sending = make_one_way_pipe()
    p = Process(target=send_all, args=(sending, items))
    p.start()
    sending.close()
    result = []
    while receiving.poll(0.01):  # wait a little for each message
        try:
            result.append(receiving.recv())
        except EOFError:
            break
    p.join()
    return result
