"""Wrong: join() without the timeout waits for as long as the process runs: for ever, for a
target that never ends by itself."""
from multiprocessing import Process


def stop(p):
    if p.is_alive():
        p.terminate()
    p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    p = Process(target=target, args=args)
    p.start()
    p.join()
    finished = not p.is_alive()
    return finished, stop(p)
