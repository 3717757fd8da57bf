"""Correct: waits on the process's sentinel with multiprocessing.connection.wait(timeout)
instead of join(timeout)."""
from multiprocessing import Process
from multiprocessing.connection import wait


def stop(p):
    running = p.is_alive()
    if running:
        p.terminate()
    p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    p = Process(target=target, args=args)
    p.start()
    ended = wait([p.sentinel], timeout)
    return bool(ended), stop(p)
