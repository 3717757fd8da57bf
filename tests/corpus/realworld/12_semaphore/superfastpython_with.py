"""Source: rana-dev-py/python-concurrency, multi_processing_python/example27.py (a SuperFastPython.com
example of a semaphore).
Intent: ten processes share one Semaphore(2); each, holding it, sleeps a random fraction of a
second and reports; the parent starts them all, then joins them all.
Adapted: task(semaphore, number) -> guarded(semaphore, work, number), which also calls
work(number) while holding the semaphore; the `__main__` block -> run_limited(work, n, limit)
(Semaphore(2) -> Semaphore(limit), range(10) -> range(n)).
Expected: passed (run plainly it prints each process's value, at most two at a time). Only
run_limited_capped is listed: the random sleeps cost about a second per scenario."""
from time import sleep
from random import random
from multiprocessing import Process
from multiprocessing import Semaphore

# target function
def guarded(semaphore, work, number):
    # attempt to acquire the semaphore
    with semaphore:
        work(number)
        # simulate computational effort
        value = random()
        sleep(value)
        # report result
        print(f'Process {number} got {value}')

def run_limited(work, n, limit):
    # create the shared semaphore
    semaphore = Semaphore(limit)
    # create processes
    processes = [Process(target=guarded, args=(semaphore, work, i)) for i in range(n)]
    # start child processes
    for process in processes:
        process.start()
    # wait for child processes to finish
    for process in processes:
        process.join()
