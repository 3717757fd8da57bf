"""Correct: a spawn context, join(timeout=...) by keyword, debug prints of every step."""
import multiprocessing as mp


def stop(p):
    print("stopping", p.name, "alive:", p.is_alive())
    if p.is_alive():
        p.terminate()
        print("sent SIGTERM to", p.pid)
    p.join()
    print("exit code", p.exitcode)
    return p.exitcode


def run_with_timeout(target, args, timeout):
    ctx = mp.get_context("spawn")
    p = ctx.Process(target=target, args=args, name="timed")
    p.start()
    print("started", p.pid, "waiting up to", timeout, "s")
    p.join(timeout=timeout)
    alive = p.is_alive()
    print("still running" if alive else "finished in time")
    code = stop(p)
    return (not alive, code)
