"""Source: Parsl/parsl, parsl/multiprocessing.py: module-level SpawnContext =
multiprocessing.get_context("spawn") and SpawnProcess = SpawnContext.Process, and
join_terminate_close_proc(process, *, timeout=30), which joins with a time limit and, if the
process is still alive, terminate()s and joins it, then kill()s and joins it if it is still
there, and finally close()s the Process object once it has ended.
Adapted: join_terminate_close_proc reads process.exitcode before its close() and returns it
(the author's returns None); stop(p) is join_terminate_close_proc(p, timeout=1);
run_with_timeout starts a SpawnProcess(target=target, args=args), joins it with the timeout,
takes finished = not is_alive(), and returns (finished, stop(p)). (So a process still running
gets one more second, the first join of join_terminate_close_proc, before it is terminated.)
Logging calls kept (logger.error lines reach stderr through logging's last-resort handler).
Expected: correct everywhere. Every process is started from the spawn context whatever the
default start method; a running process is terminated and joined before its exit code is
read (-15); one that ended by itself is joined at once and its code returned (0, 3). Closing
the Process object after reading its exit code is allowed: the statement only asks for the
exit code. Run plainly under fork, spawn and forkserver: (True, 0), (True, 3), (False, -15),
stop(p) of a running process -15.
Before the fix (a held-out program of issue 26), the grader said, under fork, spawn and
forkserver alike, for all four scenarios: failed "The grader could not use what stop(p) with p
still running gave back: ValueError: 'process object is closed'" (the same for
run_with_timeout).
The diagnosis then: the runner read each started process's pid and exit code from the Process
object after the call, and close() had dropped both (reading pid then raises). Now close() is
observed and keeps them (hooks.process_facts), for the runner and for the scenario alike."""
import logging
import multiprocessing

logger = logging.getLogger(__name__)

SpawnContext = multiprocessing.get_context("spawn")

SpawnProcess = SpawnContext.Process


def join_terminate_close_proc(process, *, timeout=30):
    """Increasingly aggressively terminate a process.

    This function assumes that the process is likely to exit before
    the join timeout, driven by some other means, such as the
    MonitoringHub router_exit_event. If the process does not exit, then
    first terminate() and then kill() will be used to end the process.

    In the case of a very mis-behaving process, this function might take
    up to 3*timeout to exhaust all termination methods and return.
    """
    logger.debug("Joining process")
    process.join(timeout)

    # run a sequence of increasingly aggressive steps to shut down the process.
    if process.is_alive():
        logger.error("Process did not join. Terminating.")
        process.terminate()
        process.join(timeout)
        if process.is_alive():
            logger.error("Process did not join after terminate. Killing.")
            process.kill()
            process.join(timeout)
            # This kill should not be caught by any signal handlers so it is
            # unlikely that this join will timeout. If it does, there isn't
            # anything further to do except log an error in the next if-block.

    code = process.exitcode
    if process.is_alive():
        logger.error("Process failed to end")
        # don't call close if the process hasn't ended:
        # process.close() doesn't work on a running process.
    else:
        process.close()
    return code


def stop(p):
    return join_terminate_close_proc(p, timeout=1)


def run_with_timeout(target, args, timeout):
    p = SpawnProcess(target=target, args=args)
    p.start()
    p.join(timeout)
    finished = not p.is_alive()
    return finished, stop(p)
