"""Source: Doug Hellmann, PyMOTW-3 "multiprocessing" (multiprocessing_terminate.py: terminate(),
then join() "to give the process management code time to update the status", then exitcode; and
multiprocessing_daemon_join_timeout.py: d.join(1) then d.is_alive()). The terminate example as
copied in rechardchen123/Multi_threading_in_Pyhton, multiprocessing_kill.py.
Adapted: the terminate steps -> stop(p) (the prints of p and is_alive() kept as debug output);
join(timeout) then is_alive() -> run_with_timeout(target, args, timeout), which stops the process
with stop(p) when is_alive() is still True.
Expected: passed under fork and spawn ((True, 0), (True, 3), (False, -15))."""
import multiprocessing


def stop(p):
    print('Process running:', p, p.is_alive())
    p.terminate()
    print('Process terminated:', p, p.is_alive())
    p.join()
    print('Process joined:', p, p.is_alive())
    print('Process exit code:', p.exitcode)
    return p.exitcode


def run_with_timeout(target, args, timeout):
    d = multiprocessing.Process(name='daemon', target=target, args=args)
    d.start()
    d.join(timeout)
    print('d.is_alive()', d.is_alive())
    if d.is_alive():
        stop(d)
        return False, d.exitcode
    return True, d.exitcode
