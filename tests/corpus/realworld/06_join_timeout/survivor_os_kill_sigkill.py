"""Source: a server test suite's test_survives_killed_clients (public GitHub file, code index id
45272098572): each started client process is stopped with p.terminate() or, one time in four,
os.kill(p.pid, signal.SIGKILL); then every process is joined.
Adapted: the kill step -> stop(p), always the author's os.kill(p.pid, signal.SIGKILL) branch
(the random choice dropped), then p.join(), returning p.exitcode; run_with_timeout joins with
the timeout and calls stop(p) when the process is still alive.
Expected: the statement asks stop to "terminate it"; a SIGKILL ends the process too, and the
statement's own words (README: terminate() or kill()) allow either: stop_running and
stopped_after_timeout should pass with exit code -9 (both methods); the quick targets pass.
Verdict expected (decided before grading): passed everywhere (stop_running: the process is killed and joined, exit code -9; stopped_after_timeout: (False, -9)).
Before the fix (a held-out program of issue 26), the grader said: fork and spawn: stop_running failed "the process was still running, and your code did not stop it"; stopped_after_timeout crashed "A child process running wait_for_release ended with exit code -9 (SIGKILL). Something in it failed: run it on its own to see why."
The diagnosis then: the stop is only seen through Process.terminate()/kill(); os.kill(p.pid, SIGKILL) is not observed, so the process is called still running, and its -9 (a signal the student's own code sent, which the OS's wait status shows) is blamed on the child. Judge how the process ended from its exit status and who sent the signal, not which method sent it."""
import os
import signal
import multiprocessing


def stop(p):
    if p.is_alive():
        os.kill(p.pid, signal.SIGKILL)
    p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    p = multiprocessing.Process(target=target, args=args)
    p.start()
    p.join(timeout)
    if p.is_alive():
        return False, stop(p)
    return True, p.exitcode
