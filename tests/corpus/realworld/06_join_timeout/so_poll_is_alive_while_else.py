"""Source: Stack Overflow, "Python multiprocessing: how to kill processes that take too long"
(the widely copied answer: poll `any(p.is_alive() for p in procs)` every 0.1 s in a
`while time.time() - start <= TIMEOUT:` loop, `break` when all are done, and in the loop's
`else:` "timed out, killing all processes": p.terminate(); p.join()).
Adapted: one process instead of a list; the loop -> run_with_timeout(target, args, timeout),
returning whether the loop ended by its break; the `else:` body -> stop(p).
Expected: passed under fork and spawn (a quick target ends the loop at the first poll; a
target that never ends is terminated and joined after about timeout seconds)."""
import time
import multiprocessing


def stop(p):
    p.terminate()
    p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    procs = [multiprocessing.Process(target=target, args=args)]
    for p in procs:
        p.start()
    finished = True
    start = time.time()
    while time.time() - start <= timeout:
        if not any(p.is_alive() for p in procs):
            # All the processes are done, break now.
            break

        time.sleep(.1)  # Just to avoid hogging the CPU
    else:
        # We only enter this if we didn't 'break' above.
        print("timed out, killing all processes")
        finished = False
        for p in procs:
            stop(p)
    for p in procs:
        p.join()
    return finished, procs[0].exitcode
