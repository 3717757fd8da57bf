"""Correct: a Process subclass whose run() calls the target; kill() instead of terminate();
the 'still running?' question asked through exitcode."""
from multiprocessing import Process


class Worker(Process):
    def __init__(self, work, work_args):
        super().__init__()
        self.work = work
        self.work_args = work_args

    def run(self):
        self.work(*self.work_args)


def stop(p):
    if p.exitcode is None:
        p.kill()
        p.join()
    return p.exitcode


def run_with_timeout(target, args, timeout):
    worker = Worker(target, args)
    worker.start()
    worker.join(timeout)
    if worker.exitcode is not None:
        return True, worker.exitcode
    return False, stop(worker)
