"""Source: ActiveState/code, recipes/Python/577028_Timeout_Any_Function/recipe-577028.py.
Intent: run a function in a daemon Process with a time limit; cancel() stops it with
`if self.__process.is_alive(): self.__process.terminate()` and never joins it.
Adapted: cancel() -> stop(p), returning p.exitcode after the author's two lines; the recipe's
__call__ (start a daemon Process) plus a join(timeout) in place of its clock polling ->
run_with_timeout, which reports is_alive() and then cancels as the recipe does.
Expected: finishes_in_time passed; stop_running and stopped_after_timeout not_joined: terminate()
only sends the signal, and the process is never joined (run plainly: exitcode is None on most
runs, -15 on some, under all three methods)."""
import multiprocessing as MP


def stop(process):
    if process.is_alive():
        process.terminate()
    return process.exitcode


def run_with_timeout(target, args, timeout):
    process = MP.Process(target=target, args=args)
    process.daemon = True
    process.start()
    process.join(timeout)
    finished = not process.is_alive()
    return finished, stop(process)
