"""Source: ghcollin/multitables, multitables.py, its Barrier class (as copied into
idaholab/moose): a count in `multiprocessing.Value('i', 0, lock=False)` and a
`multiprocessing.Condition()`; wait() increments the count under the condition, notify_all()s,
and waits on the condition while the count is below n ("NOTE: The multiprocessing package includes
a Barrier object as of python 3.3").
Adapted: the class kept as it is; phased(barrier, work, i) and run_phases(work, n) added around it
as the statement asks (work(1, i), barrier.wait(), work(2, i); one Barrier(n) made by the
parent and given to n processes, all started, then all joined).
Expected: correct: the count is shared memory, changed only under the condition's lock, and no
worker leaves wait() before all n have arrived: no phase 2 before every phase 1 has ended. Passed
under fork, spawn and forkserver.
"""
import multiprocessing


class Barrier(object):
    """
    Implementation of a barrier.
    https://github.com/ghcollin/multitables/blob/master/multitables.py

    NOTE: The multiprocessing package includes a Barrier object as of python 3.3.
    """

    def __init__(self, n_procs):
        """
        Create a barrier that waits for n_procs processes.
        :param n_procs: The number of processes to wait for.
        """
        self.__n_procs = n_procs
        self.__count = multiprocessing.Value('i', 0, lock=False)
        self.__cvar = multiprocessing.Condition()

    def wait(self):
        """Wait until all processes have reached the barrier."""
        with self.__cvar:
            self.__count.value += 1
            self.__cvar.notify_all()
            while self.__count.value < self.__n_procs:
                self.__cvar.wait()

    def reset(self):
        """Re-set the barrier so that it can be used again."""
        with self.__cvar:
            self.__count.value = 0


def phased(barrier, work, i):
    work(1, i)
    barrier.wait()
    work(2, i)


def run_phases(work, n):
    barrier = Barrier(n)
    processes = [multiprocessing.Process(target=phased, args=(barrier, work, i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
