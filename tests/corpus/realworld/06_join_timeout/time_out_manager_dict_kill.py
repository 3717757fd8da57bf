"""Source: a public GitHub file (code index id 40682975239), "Adapt from
https://stackoverflow.com/a/14924210 and https://stackoverflow.com/a/10415215":
time_out(sec_time_out, func_, dict_params={}, restart=False) makes a Manager() and a
manager.dict() for the return value, starts a Process running func_subprocess(func_,
return_dict, dict_params) (which stores func_'s return value in the dict), joins it with the
time limit and, if it is still alive, kill()s it and joins it (restarting it if asked), then
returns the stored value. The Manager is never shut down by hand (its finalizer does it when the
function returns).
Adapted: time_out -> run_with_timeout(target, args, timeout) with restart left False:
func_(**dict_params) -> func_(*args); it returns (finished, p.exitcode), finished = not
p.is_alive() right after the join with the time limit, instead of the stored value (kept in the
dict as the author does). stop(p) is the author's kill branch: if p.is_alive(): p.kill(),
p.join(); then the exit code.
Expected: correct everywhere: the caller's own process is joined with the time limit, one still
running is killed (SIGKILL, which the README allows besides terminate()) and joined: (False, -9);
one that ends at once gives (True, 0) and (True, 3); stop(p) of a running process -9. The
Manager's server is a process multiprocessing started, not the student's task. Run plainly
under fork, spawn and forkserver: (True, 0), (True, 3), (False, -9).
Before the fix (a held-out program of issue 26), the grader said: stopped_after_timeout failed
"the process was still running, and your code did not stop it. When p.is_alive() is still True
after p.join(timeout), call p.terminate(), then p.join()." under fork, spawn and forkserver (the
other three passed).
The diagnosis then: the scenario judged the first process the call started, which here is the
Manager's server (started by Manager() before the student's Process), and that one was indeed
never stopped. Now it judges the first process the student's own code started."""
import multiprocessing


def func_subprocess(func_, return_dict, args):

    return_dict["return"] = func_(*args)


def stop(p):
    if p.is_alive():
        p.kill()
        p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    # Starts shared variable
    manager = multiprocessing.Manager()
    return_dict = manager.dict()

    # Starts process
    p = multiprocessing.Process(
        target=func_subprocess, args=[target, return_dict, args]
    )
    p.start()

    # Wait for defined time  or until process finishes
    p.join(timeout)
    finished = not p.is_alive()

    # If thread is still active
    if p.is_alive():

        # Terminate - may not work if process is stuck for good
        # p.terminate()
        # OR Kill - will work for sure, no chance for process to finish nicely however
        p.kill()

        p.join()
        return_dict["return"] = None

    return finished, p.exitcode
