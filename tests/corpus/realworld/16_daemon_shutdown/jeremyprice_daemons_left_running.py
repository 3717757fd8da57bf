"""Source: jeremyprice/RU_Python_IV, examples/example_process_workers.py
(https://github.com/jeremyprice/RU_Python_IV/blob/master/examples/example_process_workers.py).
Intent: daemon workers loop for ever over q.get(), printing each item; the main program puts
the work, waits with q.join() until every item is done, prints "All done" and exits, relying
on the daemon flag to end the workers.
Adapted: worker(q) -> serve(jobs, results), which puts item * item on results where the
original called q.task_done() (the grader's queues are plain Queues); the `__main__` block ->
run_jobs(numbers), which gets one result per number where the original called q.join(), and
returns them with the first worker's exitcode; 2 workers instead of 5, to keep the corpus
cheap.
Expected: serve_squares passed; run_jobs_stops and run_jobs_none not_joined: the workers are
never stopped nor joined (the daemon flag ends them only when the whole program exits; here the
function returns with them still running)."""
import multiprocessing
import os

num_worker_processes = 2


def serve(jobs, results):
    process_id = os.getpid()
    while True:
        item = jobs.get()
        print("Worker {}: {}".format(process_id, item))
        results.put(item * item)


def run_jobs(numbers):
    q = multiprocessing.JoinableQueue(len(numbers) + 1)
    results = multiprocessing.Queue()
    workers = []
    for i in range(num_worker_processes):
        p = multiprocessing.Process(target=serve, args=[q, results])
        p.daemon = True
        p.start()
        workers.append(p)

    work_items = numbers
    for item in work_items:
        q.put(item)

    answers = [results.get() for _ in work_items]  # block until all tasks are done
    print("All done")
    return answers, workers[0].exitcode
