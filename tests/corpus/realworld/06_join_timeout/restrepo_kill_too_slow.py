"""Source: restrepo/PythonTipsAndTricks, python/kill_too_slow_process.md.
Intent: run a function that may take too long in a Process, p.join(t_kill), and if
p.is_alive() print a message, p.terminate() and p.join(); then p.join() again as clean-up.
Adapted: the author's loop body -> run_with_timeout(target, args, timeout) (t_kill -> timeout,
the author's run/foo/Manager dict -> the given target and args), which also records whether the
author's `if p.is_alive()` branch was taken and returns it with p.exitcode; the same steps ->
stop(p).
Expected: passed everywhere (run plainly: (True, 0) for a quick target, (False, -15) for a
sleeping one, under all three methods)."""
import multiprocessing


def stop(p):
    # If thread is active
    if p.is_alive():
        print("foo is running... let's kill it...")

        # Terminate foo
        p.terminate()
        #cleanup
        p.join()

    #cleanup
    p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    #define Process
    p = multiprocessing.Process(target=target, name="Run", args=args)
    #launch the p
    p.start()
    # Wait a maximum of `t_kill` seconds for foo
    # Usage: join([timeout in seconds])
    p.join(timeout)

    finished = True
    # If thread is active
    if p.is_alive():
        print("foo is running... let's kill it...")
        finished = False

        # Terminate foo
        p.terminate()
        #cleanup
        p.join()

    #cleanup
    p.join()
    return finished, p.exitcode
