#!/usr/bin/env python
"""Source: BlackPoint-CX/forecast, exercise_of_py/mp.py.
Intent: compare a lock shared by threads and by processes; the script has no
`if __name__ == '__main__':` guard and prints print('Main', os.getpid()) at module level.
Adapted: worker(sign, lock) -> report(lock, i) printing 'this is', i; the module-level process
loop -> report_all(n); the module-level print('Main', ...) kept.
Expected: report_holds_lock passed. Under fork report_all_lines/locked passed. Under spawn and
forkserver every child imports the module again and prints 'Main <pid>' without the lock
(run plainly: extra lines, once even interleaved as 'MainMain 30134'), so both failed."""
# codint = utf-8


import multiprocessing
import os


def report(lock, i):
    lock.acquire()
    print('this is', i)
    lock.release()


print('Main', os.getpid())


def report_all(n):
    record = []
    lock = multiprocessing.Lock()
    for i in range(n):
        process = multiprocessing.Process(target=report,args=(lock,i))
        process.start()
        record.append(process)

    for process in record:
        process.join()
