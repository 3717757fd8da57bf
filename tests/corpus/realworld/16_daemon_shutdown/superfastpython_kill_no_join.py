"""Source: SuperFastPython, "Kill a Process in Python" (example of killing a process), as copied
in cuongct220020/python-concurrency-cheatsheet, multiprocessing_practices/day7.py.
Intent: task() loops for ever (sleep(1), print 'Worker process running...'); the main program
starts Process(target=task) (not a daemon), sleeps 5 seconds, calls process.kill() and prints
'Parent is continuing on...'. It never joins the process.
Adapted: task() -> serve(jobs, results), which loops for ever taking a job and putting its
square (the print kept, per job); the main block -> run_jobs(numbers): start the process, put
the numbers, get one answer each (where the author slept), process.kill(), the print, and
return the answers with process.exitcode.
Expected: a bug with two faults: the worker is stopped with kill() (SIGKILL) instead of
terminate(), and it is never joined, so its exit code is read before the process is known to
have ended (it is not a daemon either). serve_squares passed; run_jobs_stops and run_jobs_none
fail. Run plainly, run_jobs([2, 5, 7]) returned ([4, 25, 49], None) in 5 of 6 runs (2 each
under fork, spawn and forkserver) and ([4, 25, 49], -9) once under fork: the exit code read
right after kill() reaps the process when it has already died, and not when it has not.
Decided before grading: not_joined (as for docs_terminate_sleep's stop without a join).
Before the fix (a held-out program of issue 26), the grader said, in one run under all three
methods: run_jobs_stops failed "run_jobs([2, 5, 7]) stopped the worker with kill(), which sends
SIGKILL..." under fork and spawn, and not_joined "returned while 1 process(es) it started had
not been waited for (pid 5 running serve, ended)" under forkserver; run_jobs_none likewise split.
Both messages were true, each left out the other fault, and which one came depended on whether
the program's own exitcode read had reaped the killed worker (the generic not-joined check runs
before the exercise's judge). The judge now tells a kill() first whether or not it was reaped,
and adds that the worker was never joined: failed, both faults named, under every method."""
from multiprocessing import Process, Queue


def serve(jobs, results):
    # execute a task in a loop
    while True:
        n = jobs.get()
        # report a message
        print('Worker process running...', flush=True)
        results.put(n * n)


def run_jobs(numbers):
    jobs, results = Queue(), Queue()
    # create a process
    process = Process(target=serve, args=(jobs, results))
    # run the process
    process.start()
    for n in numbers:
        jobs.put(n)
    answers = [results.get() for _ in numbers]
    # kill the process
    process.kill()
    # continue on...
    print('Parent is continuing on...')
    return answers, process.exitcode
