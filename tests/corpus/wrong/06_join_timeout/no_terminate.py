"""Wrong: run_with_timeout waits with a timeout and reports, but leaves a process that overran
running instead of stopping it."""
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
    return not p.is_alive(), p.exitcode
