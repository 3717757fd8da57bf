"""Source: TFStudents/PythonLearn, com/tfstudents/multyProcessing/test8.py: worker(s, i) does
s.acquire(), prints, sleeps i * 2 seconds, prints, s.release(); the main makes Semaphore(2) and
starts five processes in a loop, never joining them.
Adapted: worker -> guarded(sem, work, i) with work(i) in place of the sleep (the prints kept);
the main -> run_limited(work, n, limit), Semaphore(limit).
Expected: the processes are never joined: run_limited's scenarios fail (not joined), fork and
spawn; guarded itself is right."""
import multiprocessing


def guarded(s, work, i):
    s.acquire()
    print(multiprocessing.current_process().name + "acquire")
    work(i)
    print(multiprocessing.current_process().name + "release\n")
    s.release()


def run_limited(work, n, limit):
    s = multiprocessing.Semaphore(limit)
    for i in range(n):
        p = multiprocessing.Process(target=guarded, args=(s, work, i))
        p.start()
