"""Source: CVHub520/X-AnyLabeling (public GitHub file, code index id 2285672066),
safe_check_model(model_path, timeout=60): "Safely check model integrity in subprocess to
prevent crashes": ctx = multiprocessing.get_context("spawn"), starts ctx.Process(target=...),
p.join(timeout); exit code 0: True; exit code still None (timed out): logs a warning,
p.terminate(), p.join(1), and if p.is_alive() then p.kill() and p.join(); returns False; any
other exit code: logs it, False.
Adapted: safe_check_model -> run_with_timeout(target, args, timeout), returning (finished,
exitcode) where the author returns True/False: (True, 0) for exit code 0, (True, code) for any
other code, and (False, stop(p)) for None; stop(p) is the author's timed-out branch
(terminate(), join(1), kill() and join() if still alive), returning p.exitcode; the warnings
printed instead of logged (no logger here).
Expected: correct everywhere: the process comes from the spawn context whatever the default
method; "still running" is read from exitcode being None right after join(timeout) (which the
README allows); a running process is terminated and joined (-15). Run plainly under fork,
spawn and forkserver: (True, 0), (True, 3), (False, -15)."""
import multiprocessing


def stop(p):
    p.terminate()
    p.join(1)
    if p.is_alive():
        p.kill()
        p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    ctx = multiprocessing.get_context("spawn")
    p = ctx.Process(target=target, args=args)
    p.start()
    p.join(timeout)

    if p.exitcode == 0:
        return True, 0
    elif p.exitcode is None:
        print(f"Model check timeout after {timeout}s")
        return False, stop(p)
    else:
        print(f"Model check failed with exit code {p.exitcode}")
        return True, p.exitcode
