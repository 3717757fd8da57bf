"""Correct: Pipe(False) from get_context(), returned directly; receive loop inside try."""

import multiprocessing


def make_one_way_pipe():
    return multiprocessing.get_context().Pipe(False)


def send_all(conn, items):
    try:
        for item in items:
            conn.send(item)
    finally:
        conn.close()


def receive_all(items):
    ctx = multiprocessing.get_context()
    receiving_end, sending_end = make_one_way_pipe()
    p = ctx.Process(target=send_all, args=(sending_end, items))
    p.start()
    sending_end.close()
    result = []
    try:
        while True:
            result.append(receiving_end.recv())
    except EOFError:
        pass
    p.join()
    receiving_end.close()
    return result
