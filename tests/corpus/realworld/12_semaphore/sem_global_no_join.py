"""Source: 15823675454/- (a Chinese course's notes), day03/sem_信号量.py: `sem = Semaphore(3)` at
the top of the module; handle() does sem.acquire(), prints its pid, sleeps 2 s, prints, then
sem.release(), using the module's global `sem`; the module's top level starts ten
Process(target=handle) in a loop, with `# p.join()` commented out.
Adapted: handle() -> guarded(sem, work, i), which still acquires and releases the module's
global `sem` (not the one it is given) around work(i), the sleep cut to 0.2 s; the loop ->
run_limited(work, n, limit), which rebinds the global `sem = Semaphore(limit)` and passes it,
range(10) -> range(n); the join stays commented out.
Expected (teacher, read and run plainly): wrong. The processes are never joined: run_limited
returns while they run. Under spawn each child imports the module afresh and holds its own
Semaphore(3), not the parent's, so nothing is limited to `limit` (with limit 1, three hold a
semaphore at once).
Held out, graded once: agreed under fork and spawn.
"""
from multiprocessing import Process, Semaphore
from time import sleep
import os
# 创建信号量
sem = Semaphore(3)


# 任务函数
def guarded(s, work, i):
    # 执行任务必须消耗一个信号量
    sem.acquire()
    print("开始执行任务：", os.getpid())
    work(i)
    sleep(0.2)
    print("执行任务结束:", os.getppid())
    # 增加一个信号量
    sem.release()


def run_limited(work, n, limit):
    global sem
    sem = Semaphore(limit)
    for i in range(n):
        p = Process(target=guarded, args=(sem, work, i))
        p.start()
        # p.join()
