"""Wrong: the Manager that makes the Barrier is made once, on the first call, and kept in a
module global, and shut down at the end of the call. The first call works; a second call in the
same program asks a manager that is no longer there for a new Barrier and fails."""
from multiprocessing import Manager, Process

_manager = None


def phased(barrier, work, i):
    work(1, i)
    barrier.wait()
    work(2, i)


def run_phases(work, n):
    global _manager
    if _manager is None:
        _manager = Manager()
    barrier = _manager.Barrier(n)
    processes = [Process(target=phased, args=(barrier, work, i)) for i in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    _manager.shutdown()
