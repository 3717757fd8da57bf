"""Source: Kenshi2358/misc, test_py/multi_processing5.py (SuperFastPython's mutex lock example).
Intent: processes take turns in a critical section guarded by one shared Lock.
Adapted: task(lock, identifier, value) -> report(lock, identifier) printing 'this is <i>'
(the random sleep value and its sleep dropped); `__main__` -> report_all(n).
Expected: passed everywhere (run plainly under all three methods)."""
# example of a mutual exclusion (mutex) lock for processes
from multiprocessing import Process
from multiprocessing import Lock


def report(lock, identifier):
    """worker function"""
    # acquire the lock
    with lock:
        print(f'this is {identifier}')


def report_all(n):
    # create the shared lock
    lock = Lock()
    # create a number of processes with different sleep times
    processes = [Process(target=report, args=(lock, i)) for i in range(n)]
    # start the processes
    for process in processes:
        process.start()
    # wait for all processes to finish
    for process in processes:
        process.join()
