"""Source: zuigehulu/AID1811, pyNet/day07/jiangyi/day7/sem.py (a Chinese course's handout): a
module-level `sem = Semaphore(3)`; fun() prints that it wants to run, sem.acquire(), prints,
sleeps 3 s, prints that it is done, sem.release(), always on the module's global `sem`; the
module's top level (no guard) starts five Process(target=fun), joins them all, and prints
sem.get_value().
Adapted: fun() -> guarded(sem, work, i): the same acquire/prints/release on the module's global
`sem` (not the one it is given) around work(i), the sleep cut to 0.2 s; the top-level code ->
run_limited(work, n, limit), which rebinds the global `sem = Semaphore(limit)` and passes it
in args, range(5) -> range(n), all started then all joined, the final print kept.
Expected (teacher, read and run plainly): wrong. guarded ignores the semaphore it is given
(called directly, it holds the module's Semaphore(3)). run_limited: under fork the children
inherit the rebound global, so the one Semaphore(limit) is shared and the runs are right;
under spawn each child imports the module afresh and holds its own Semaphore(3): nothing is
shared and with limit 1 or 2, more than limit hold a semaphore at once.
Held out, graded once (fresh set of issue 26): the statuses agreed; under spawn the capped
message told the student to create one Semaphore and pass it, which the code does (guarded
takes the module's own instead): it now names where every held semaphore was made (the
module's line 24) and says guarded must take the one it is given."""
from multiprocessing import Process,Semaphore 
from time import sleep 
import os 

#创建信号量
sem = Semaphore(3)

def guarded(s, work, i):
    print("%d 想执行事件"%os.getpid())
    #消耗一个信号量
    sem.acquire()
    print("%d 执行事件......"%os.getpid())
    work(i)
    sleep(0.2)
    print("%d 执行完毕"%os.getpid())
    sem.release() #执行完成后添加一个信号量

def run_limited(work, n, limit):
    global sem
    sem = Semaphore(limit)
    jobs = []
    #5个进程想执行事件
    for i in range(n):
        p = Process(target = guarded, args=(sem, work, i))
        jobs.append(p)
        p.start()

    for i in jobs:
        i.join()

    print("Sem:",sem.get_value()) #最后剩3个
