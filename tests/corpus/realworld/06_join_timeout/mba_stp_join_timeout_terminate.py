"""Source: a public GitHub file (code index id 7263086457), Python 2, stp_check_time(): a
Process runs verify_mba_unsat(...), then `p.join(timeout)  # wait timeout seconds or it
finishes`; `if p.is_alive():` it prints "Still solving, but kill it as timeout set to ..."
and calls p.terminate() then p.join().
Adapted: the is_alive()/terminate()/join() steps -> stop(p) returning p.exitcode; the
Process/start/join(timeout) steps -> run_with_timeout(target, args, timeout), returning
(finished, p.exitcode); the print kept (made a Python 3 call). The solver and result file dropped.
Expected: passed under fork and spawn ((True, 0), (True, 3), (False, -15)).
Held out, graded once: agreed under fork and spawn."""
from multiprocessing import Process


def stop(p):
    if p.is_alive():
        print("Still solving, but kill it as timeout set to", "timeout", "seconds ...")
        p.terminate()
    p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    p = Process(target=target, args=args)
    p.start()
    p.join(timeout)      # wait timeout seconds or it finishes

    finished = True
    if p.is_alive():
        finished = False
        stop(p)
    return finished, p.exitcode
