#!/usr/bin/env python
# -*- coding:utf-8 -*-
"""Source: lyonyang/blogs, Code/blogs-code/ConcurrentProgramming/ConcurrentProcess/multiprocessing_Semaphore.py.
Intent: ten processes, at most five at once holding the semaphore, each printing and sleeping 2 s.
Adapted: func(sem, num) -> guarded(sem, work, num), which also calls work(num) while holding the
semaphore; the `__main__` block -> run_limited(work, n, limit) (Semaphore(5) -> Semaphore(limit),
range(1, 11) -> range(n)).
Expected: run_limited_work and run_limited_capped not_joined: the processes are started and never
joined (run plainly, the function returns at once while they sleep; under spawn and forkserver
late ones may fail to open the semaphore freed on return). guarded_holds (2 s of sleep) is left out."""
import multiprocessing
import time

def guarded(sem, work, num):
    sem.acquire()
    print('%s get semaphores' % num)
    work(num)
    time.sleep(2)
    sem.release()

def run_limited(work, n, limit):
    sem = multiprocessing.Semaphore(limit)
    for i in range(n):
        t = multiprocessing.Process(target=guarded, args=(sem, work, i,))
        t.start()
