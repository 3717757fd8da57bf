"""Source: the Python documentation, multiprocessing, Process.terminate() example
(https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Process.terminate).
Intent: a spawn-context process running time.sleep(1000) is started, terminated, and after
time.sleep(0.1) found not alive with exitcode == -signal.SIGTERM; it is never joined and is
not a daemon.
Adapted: the target time.sleep(1000) -> serve(jobs, results), a loop that squares jobs for
ever; the interactive session -> run_jobs(numbers), which puts the numbers on jobs and gets
one result each between p.start() and p.terminate(), and returns the results with p.exitcode
where the session printed it.
Expected: serve_squares passed; run_jobs_stops and run_jobs_none not_joined: terminate() is
followed by a sleep, not by join(), so whether the worker has ended when exitcode is read
depends on the machine's load (run plainly it prints -15 on an idle machine)."""
import multiprocessing, time, signal


def serve(jobs, results):
    while True:
        n = jobs.get()
        results.put(n * n)


def run_jobs(numbers):
    mp_context = multiprocessing.get_context('spawn')
    jobs, results = mp_context.Queue(), mp_context.Queue()
    p = mp_context.Process(target=serve, args=(jobs, results))
    print(p, p.is_alive())
    p.start()
    print(p, p.is_alive())
    for n in numbers:
        jobs.put(n)
    squares = [results.get() for _ in numbers]
    p.terminate()
    time.sleep(0.1)
    print(p, p.is_alive())
    print(p.exitcode == -signal.SIGTERM)
    return squares, p.exitcode
