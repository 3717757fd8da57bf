"""Source: PacktPublishing/Python-for-Geeks, Chapter07/multiprocessing/process7.py.
Intent: synchronise printing in a Pool with a Manager().Lock() bound by functools.partial.
Adapted: printme(lock, msg) -> report(lock, msg) printing 'this is', msg; the module-level
`with Pool(3) as proc:` block (unguarded in the original) -> report_all(n) mapping over range(n).
Expected: report_holds_lock passed. report_all_lines failed: the n lines come from the 3 pool
workers, not from n new processes (run plainly 12 times, with pids: always 3 distinct
processes), and the caller adds 'Exiting the main process'. report_all_locked passed: the
children's lines are printed while holding the one manager lock, which does exclude the others
(a proxy, so no SemLock is held in the printing process), and the caller's 'Exiting the main
process' line, written without a lock, comes after the pool's workers ended, so it cannot mix
with theirs."""
# process7.py to show synchronization and locking
from functools import partial
from multiprocessing import Pool, Manager

def report (lock, msg):
    lock.acquire()
    try:
        print('this is', msg)
    finally:
        lock.release()

def report_all(n):
    with Pool(3) as proc:
        lock = Manager().Lock()
        func = partial(report,lock)
        proc.map(func, range(n))

    print("Exiting the main process")
