# -*- coding: utf-8 -*-
"""Source: public GitHub file found by the code search (the index named no repository), header
'Created on Mon Sep  9 10:07:08 2019 @author: Asus': func(l, i) prints i under the lock and
returns 1; the main loop does `p.start(); print(p.join())`.
Intent: start each process and wait for it (print(p.join()) prints None).
Adapted: func -> report printing 'this is', i; main -> report_all(n); the author's
`open('outputs/multi.txt', 'w')` header write dropped (a file outside the program's folder).
Expected: report_holds_lock passed; report_all_lines failed (the caller prints 'None' after
each line: 10 lines instead of 5); report_all_locked passed: each 'None' is printed after that
child was joined and before the next one starts, so no other process can print at that moment
(the caller's unlocked writes count only while a child it started is not yet joined). Run
plainly: the same under all three methods."""
from multiprocessing import Process, Lock

def report(l, i):
    l.acquire()
    try:        
        print('this is', i)
    finally:
        l.release()
        
    return 1

def report_all(n):
    lock = Lock()
        
    for num in range(n):
        p = Process(target=report, args=(lock, num))
        p.start()
        print(p.join())
