"""Source: hsz1273327/TutorialForPython, 语法篇/流程控制/src/semaphore.py: foo(tid, sema) does
`with sema:` print, sleep(random() * 2); then prints the release; the main makes Semaphore(3),
five processes, starts them all, joins them all.
Adapted: foo -> guarded(sem, work, i), work(i) in place of the random sleep (the prints kept);
the main -> run_limited(work, n, limit) with Semaphore(limit).
Expected: passed under fork and spawn."""
from multiprocessing import Process, Semaphore


def guarded(sema, work, tid):
    with sema:
        print(f'{tid} acquire sema')
        work(tid)
    print(f'{tid} release sema')


def run_limited(work, n, limit):
    sema = Semaphore(limit)
    processes = []
    for i in range(n):
        t = Process(target=guarded, args=(sema, work, i))
        processes.append(t)

    for t in processes:
        t.start()
    for t in processes:
        t.join()
