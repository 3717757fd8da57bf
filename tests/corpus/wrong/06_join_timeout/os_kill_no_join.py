"""Wrong: a process still running after join(timeout) is sent SIGKILL with os.kill(), but
never joined after it: the exit code is read while the process may still be ending."""
import os
import signal
from multiprocessing import Process


def stop(p):
    if p.is_alive():
        os.kill(p.pid, signal.SIGKILL)
    return p.exitcode


def run_with_timeout(target, args, timeout):
    p = Process(target=target, args=args)
    p.start()
    p.join(timeout)
    if p.is_alive():
        return False, stop(p)
    return True, p.exitcode
