"""Source: slindskog/learn-concurrency, multiprocessing_module/spawn_lock_arg_error.py.
Intent: the author's demonstration that a threading.Lock cannot be passed to a spawned child.
Adapted: process_task(lock) -> report(lock, i) printing under the lock; the `__main__` block,
including multiprocessing.set_start_method('spawn'), -> report_all(n) starting n processes and
joining them.
Expected: report_holds_lock passed (the grader hands report a real lock); report_all_lines and
report_all_locked crashed under every start method: the student's own set_start_method('spawn')
makes every start pickle the arguments, and p.start() raises TypeError: cannot pickle
'_thread.lock' object in report_all (run plainly in a fresh interpreter)."""
import multiprocessing
from multiprocessing import Process
from threading import Lock


def report(lock, i):
    with lock:
        print('this is', i)


def report_all(n):
    lock = Lock()
    multiprocessing.set_start_method('spawn')
    processes = []
    for i in range(n):
        process = Process(
            target=report,
            args=(lock, i)
        )
        process.start()
        processes.append(process)
    for process in processes:
        process.join()
