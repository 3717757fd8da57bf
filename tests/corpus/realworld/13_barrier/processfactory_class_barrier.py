"""Source: a public GitHub helper module (code index id 7908182459): class ProcessFactory with
class attributes `processes = []` and `barrier = None`; static methods set_barrier(n_tasks)
(ProcessFactory.barrier = Barrier(n_tasks)), wait() (ProcessFactory.barrier.wait()),
create_process(fn, args) (start a Process and append it) and join_all() (print, join each).
Adapted: the class kept as it is; phased(barrier, work, i) and run_phases(work, n) written the
way the class is meant to be used: phased calls work(1, i), ProcessFactory.wait(), work(2, i)
(the barrier it is given is not used); run_phases calls set_barrier(n), create_process(phased,
(ProcessFactory.barrier, work, i)) for each i, then join_all().
Expected (teacher, read and run plainly): wrong. Under fork the children inherit the class
attribute set by set_barrier, so run_phases is right there. Under spawn each child imports the
module afresh, where ProcessFactory.barrier is None: every worker crashes with AttributeError
at ProcessFactory.wait() after its phase 1, and no phase 2 happens. phased, called with a
barrier in a process where set_barrier was never called, crashes the same way (fork or spawn).
Held out, graded once: agreed under fork and spawn.
"""
from multiprocessing import Process
from multiprocessing import Barrier


class ProcessFactory(object):
    processes = []
    barrier = None

    @staticmethod
    def set_barrier(n_tasks):
        ProcessFactory.barrier = Barrier(n_tasks)

    @staticmethod
    def wait():
        ProcessFactory.barrier.wait()

    @staticmethod
    def create_process(fn, args):
        p = Process(target=fn, args=args)
        p.start()
        ProcessFactory.processes.append(p)

    @staticmethod
    def join_all():
        print("Joining all threads")
        for process in ProcessFactory.processes:
            process.join()


def phased(barrier, work, i):
    work(1, i)
    ProcessFactory.wait()
    work(2, i)


def run_phases(work, n):
    ProcessFactory.set_barrier(n)
    for i in range(n):
        ProcessFactory.create_process(phased, (ProcessFactory.barrier, work, i))
    ProcessFactory.join_all()
