"""Source: PacktPublishing/Python-Parallel-Programming-Cookbook-Second-Edition,
Chapter03/processes_barrier.py.
Intent: processes meet at a Barrier, then print the time they passed it, under a Lock; the
parent starts them with Process(...).start() and never keeps or joins them.
Adapted: test_with_barrier(synchronizer, serializer) -> phased(synchronizer, work, i), calling
work(1, i) before the barrier and work(2, i) after it (the Lock and the processes without a
barrier dropped); the `__main__` block -> run_phases(work, n) (Barrier(2) -> Barrier(n), one
Process per item).
Expected: phased_calls passed; run_phases_order and run_phases_two not_joined: the processes are
never joined (run plainly, the function returns while they are still at the barrier)."""
import multiprocessing
from multiprocessing import Barrier, Process
from time import time
from datetime import datetime


def phased(synchronizer, work, i):
    name = multiprocessing.current_process().name
    work(1, i)
    synchronizer.wait()
    now = time()
    work(2, i)
    print("process %s ----> %s" \
          %(name,datetime.fromtimestamp(now)))

def run_phases(work, n):
    synchronizer = Barrier(n)
    for i in range(n):
        Process(name='p%d - test_with_barrier' % (i + 1)\
                ,target=phased,\
                args=(synchronizer, work, i)).start()
