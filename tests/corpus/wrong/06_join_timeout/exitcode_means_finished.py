"""Wrong: `finished` is decided from the exit code (0 means finished), so a process that ended
by itself with exit code 3 is reported as not finished."""
from multiprocessing import Process


def stop(p):
    if p.is_alive():
        p.terminate()
    p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    p = Process(target=target, args=args)
    p.start()
    p.join(timeout)
    code = stop(p)
    return code == 0, code
