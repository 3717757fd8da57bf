"""Source: jbchouinard/vspowerups, vspowerups/worker.py and vspowerups/gui.py.
Intent: class Worker(multiprocessing.Process) passes daemon=True to Process.__init__ and loops
for ever in run(): job = self.inq.get(block=True, timeout=1) ("use timeout to avoid blocking
the process forever and give it a chance to respond to signals"), result = self.do_job(job),
self.outq.put(result), `except queue.Empty: pass`. The GUI starts one OptimizerWorker, puts
jobs and polls the result queue; it never stops the worker, which ends with the program as a
daemon.
Adapted: the body of run()'s loop -> serve(jobs, results), which run() calls with self.inq and
self.outq; do_job -> n * n (the author's do_job also returned None when more jobs were waiting,
to skip stale GUI updates: left out, it would drop answers); the GUI -> run_jobs(numbers):
start the Worker, put the numbers, get one result each, return them with the worker's exitcode.
Expected: serve_squares passed; run_jobs_stops and run_jobs_none not_joined: the worker is a
daemon but is never terminated nor joined, so it is still running when run_jobs returns (run
plainly under fork, spawn and forkserver: ([4, 25, 49], None), the worker alive until the
interpreter exits and stops its daemons)."""
import queue
import multiprocessing


def serve(jobs, results):
    while True:
        try:
            # Use timeout to avoid blocking the process forever and give it a
            # a chance to respond to signals
            job = jobs.get(block=True, timeout=1)
            results.put(job * job)
        except queue.Empty:
            pass


class Worker(multiprocessing.Process):

    def __init__(self, inq, outq, name=None):
        super().__init__(target=None, name=name, daemon=True)
        self.inq = inq
        self.outq = outq

    def run(self):
        serve(self.inq, self.outq)


def run_jobs(numbers):
    job_queue = multiprocessing.Queue()
    result_queue = multiprocessing.Queue()
    worker = Worker(job_queue, result_queue, name="vspowerups-optimizer")
    worker.start()
    for n in numbers:
        job_queue.put(n)
    answers = [result_queue.get() for _ in numbers]
    return answers, worker.exitcode
