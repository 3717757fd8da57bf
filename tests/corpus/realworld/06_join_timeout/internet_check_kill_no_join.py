"""Source: a public GitHub file (code index id 45342271227), a serial-port home-assistant helper:
check_internet(verbose, timeout) starts Process(target=_mp_do_internet_check), `p.join(timeout)`,
and `if p.is_alive(): p.kill()` then returns False (no join after the kill); else it reads
`exc = p.exitcode` and returns exc == 0.
Adapted: the kill step -> stop(p) returning p.exitcode (still no join after kill());
check_internet -> run_with_timeout(target, args, timeout) returning (finished, p.exitcode)
instead of a bool; the verbose typer messages -> print.
Expected: stop() of a running process and the timeout case fail: kill() only sends SIGKILL, and
with no join() the exit code read right after it is None (a stopped process's -9 is never seen);
a process that finishes in time passes.
Held out, graded once: agreed under fork and spawn."""
from multiprocessing import Process


def stop(p):
    if p.is_alive():
        p.kill()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    p = Process(target=target, args=args)
    p.start()
    p.join(timeout)
    if p.is_alive():
        stop(p)
        print(f'No response in timeout {timeout}')
        return False, p.exitcode
    else:
        exc = p.exitcode
        if exc != 0:
            print(f'Succeeded before timeout {timeout}, but with exit code {exc}')
        return True, exc
