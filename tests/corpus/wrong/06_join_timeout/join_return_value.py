"""Wrong: takes join(timeout)'s return value as the answer, but join() always returns None."""
from multiprocessing import Process


def stop(p):
    if p.is_alive():
        p.terminate()
    p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    p = Process(target=target, args=args)
    p.start()
    finished = p.join(timeout)
    return finished, stop(p)
