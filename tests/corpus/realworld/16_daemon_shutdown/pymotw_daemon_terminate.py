"""Source: Doug Hellmann, PyMOTW-3 "multiprocessing": multiprocessing_daemon.py (`d =
multiprocessing.Process(name='daemon', target=daemon); d.daemon = True`) and
multiprocessing_terminate.py (`p.terminate()`, then `p.join()` "to give the background process
time to update the status", then `p.exitcode`).
Adapted: the daemon's body -> serve(jobs, results) looping for ever on jobs; the two mains ->
run_jobs(numbers): start the daemon, put the numbers, get one answer each, terminate(), join(),
return (answers, exitcode).
Expected: passed under fork and spawn (([4, 25, 49], -15))."""
import multiprocessing


def serve(jobs, results):
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
    print('BEFORE:', d, d.is_alive())
    d.terminate()
    print('DURING:', d, d.is_alive())
    d.join()
    print('JOINED:', d, d.is_alive())
    return answers, d.exitcode
