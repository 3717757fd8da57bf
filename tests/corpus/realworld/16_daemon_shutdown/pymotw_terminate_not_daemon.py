"""Source: zhaoxiaojun/StudyPython, TestPython/test_process/test_kill.py (PyMOTW's
multiprocessing_terminate.py with a Chinese comment): p = Process(target=slow_worker) (no
daemon flag), prints BEFORE/DURING, p.terminate(), prints TERMINATED, p.join(), prints JOINED.
Adapted: slow_worker() -> serve(jobs, results), a loop squaring the jobs (the prints kept);
the main block -> run_jobs(numbers): the same Process without a daemon flag, the numbers put
and one answer per number taken between start() and terminate(); returns (answers,
p.exitcode); print statements -> print().
Expected (teacher, read and run plainly): wrong on one point the statement makes: the worker is
not started as a daemon (daemon=True is required). terminate() then join() is right: run
plainly it returns ([4, 25, 49], -15). serve answers 3 and 4 with 9 and 16.
Held out, graded once: agreed under fork and spawn.
"""
import multiprocessing
import time

def serve(jobs, results):
    print('Starting worker')
    while True:
        n = jobs.get()
        results.put(n * n)
    print('Finished worker')

def run_jobs(numbers):
    jobs = multiprocessing.Queue()
    results = multiprocessing.Queue()
    p = multiprocessing.Process(target=serve, args=(jobs, results))
    print('BEFORE:', p, p.is_alive())

    p.start()
    print('DURING:', p, p.is_alive())
    for n in numbers:
        jobs.put(n)
    answers = [results.get() for n in numbers]

    p.terminate()  #结束工作进程，不在处理未完成的任务
    print('TERMINATED:', p, p.is_alive())

    p.join()
    print('JOINED:', p, p.is_alive())
    return answers, p.exitcode
