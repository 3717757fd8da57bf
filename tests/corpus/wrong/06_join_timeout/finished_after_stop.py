"""Wrong: `finished` is read after the process was stopped and joined, when it is never alive
any more, so an overrunning process is reported as finished."""
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
    return not p.is_alive(), code
