"""Wrong: run_with_timeout calls set_start_method() itself. It works the first time; the second
call in the same program raises RuntimeError: context has already been set."""
import multiprocessing
from multiprocessing import Process


def stop(p):
    if p.is_alive():
        p.terminate()
    p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    multiprocessing.set_start_method("spawn")
    p = Process(target=target, args=args)
    p.start()
    p.join(timeout)
    finished = not p.is_alive()
    return finished, stop(p)
