"""Source: princeedward/test_python_adns, test_multiprocessing_queue.py (a WorkerProcess
subclass of multiprocessing.Process whose run() does `self.start_flag.wait()` and then works; the
main builds four of them sharing one Event, starts them all, calls `start_flag.set()`, then joins
each).
Adapted: the work after the wait (taking jobs from a queue) -> worker(start, i, results), which
waits on the flag and puts i: run() calls worker(self.start_flag, self.i, self.jobs), where the
author's run() waited itself; WorkerProcess(q, start_flag) gains i; the main -> start_together(n):
n workers instead of 4, set() after the start loop and the joins as the author has them, then the
n numbers got from the queue (after the joins: the author has no results to get; each is one small
int, so a join before the get does not block); xrange and the timing print dropped.
Expected: correct: one Event, set by the parent once every worker has been started, every worker
waits on it before it puts: passed under fork, spawn and forkserver.
"""
import multiprocessing


def worker(start, i, results):
    start.wait()
    results.put(i)


class WorkerProcess(multiprocessing.Process):

    def __init__(self, q, start_flag, i):
        multiprocessing.Process.__init__(self)
        self.jobs = q
        self.start_flag = start_flag
        self.i = i

    def run(self):
        worker(self.start_flag, self.i, self.jobs)


def start_together(n):
    q = multiprocessing.Queue()
    start_flag = multiprocessing.Event()

    process_pool = [WorkerProcess(q, start_flag, i) for i in range(n)]
    for idx, each in enumerate(process_pool):
        each.start()

    start_flag.set()

    for each in process_pool:
        each.join()

    return [q.get() for _ in range(n)]
