"""Correct: a process still running after join(timeout) is stopped with os.kill(pid, SIGKILL),
then joined; stop() does the same for a process that is still running."""
import os
import signal
from multiprocessing import Process


def stop(p):
    if p.is_alive():
        os.kill(p.pid, signal.SIGKILL)
    p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    p = Process(target=target, args=args)
    p.start()
    p.join(timeout)
    if p.is_alive():
        return False, stop(p)
    return True, p.exitcode
