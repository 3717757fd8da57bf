"""Source: Doug Hellmann, PyMOTW-3 "multiprocessing", multiprocessing_daemon_join_timeout.py (as in
the code index copy "# multiprocessing_daemon_join_timeout.py"): a daemon process `d.daemon = True`
that outlives the main's `d.join(1)`; the main then prints `d.is_alive()` and ends, leaving the
daemon to be killed at exit.
Adapted: the daemon's body -> serve(jobs, results) looping for ever; the main -> run_jobs(numbers):
start the daemon, put the numbers, get one answer each, then the author's `d.join(1)` and the
is_alive() print, returning (answers, d.exitcode).
Expected: a bug: the worker is never stopped (no terminate()), only waited for one second, so it
is still running when run_jobs returns and the exit code is None: run_jobs_stops and run_jobs_none
fail, fork and spawn; serve passes."""
import multiprocessing


def serve(jobs, results):
    name = multiprocessing.current_process().name
    print('Starting:', name)
    while True:
        n = jobs.get()
        results.put(n * n)


def run_jobs(numbers):
    jobs = multiprocessing.Queue()
    results = multiprocessing.Queue()
    d = multiprocessing.Process(name='daemon', target=serve, args=(jobs, results))
    d.daemon = True
    d.start()
    for n in numbers:
        jobs.put(n)
    answers = [results.get() for _ in numbers]

    d.join(1)
    print('d.is_alive()', d.is_alive())
    return answers, d.exitcode
