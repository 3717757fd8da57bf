"""Source: SantaPoro/IT-Chalmers, ServerClient/multithreading.py (the docs' terminate example:
p.terminate(), then time.sleep(0.1), then print(p, p.is_alive())).
Adapted: the author's steps after start -> stop(p), returning p.exitcode after the sleep; a
run_with_timeout that joins with the timeout and calls stop(p) when the process is still alive.
Expected: stop never joins after terminate(): the exit code is read after a sleep, not a join, so
stop_running and stopped_after_timeout fail (not joined); the quick targets pass. Fork and spawn."""
import multiprocessing, time, signal


def stop(p):
    print(p, p.is_alive())

    p.terminate()

    time.sleep(0.1)

    print(p, p.is_alive())
    return p.exitcode


def run_with_timeout(target, args, timeout):
    p = multiprocessing.Process(target=target, args=args)
    p.start()
    p.join(timeout)
    if p.is_alive():
        return False, stop(p)
    return True, p.exitcode
