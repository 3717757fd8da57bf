"""Source: a public GitHub file (code index id 61869731285, dining philosophers): `with
multiprocessing.Manager() as manager:` forks are `manager.Lock()`s and `sem =
manager.Semaphore(NUM_PHILOSOPHERS - 1)`; each philosopher process does `sem.acquire()`, eats,
then `sem.release()`; all started, then all joined inside the with block.
Adapted: the philosopher's loop body -> guarded(sem, work, i): sem.acquire(), work(i) in place of
the forks and eating, sem.release(); the main -> run_limited(work, n, limit), one
manager.Semaphore(limit) (forks dropped), n processes, all joined inside the with block.
Expected: correct: one semaphore made with `limit`, shared by every process, held around every
work(i); no more than `limit` inside at once. Passed under fork and spawn.
Verdict expected (decided before grading): passed everywhere (one manager.Semaphore(limit) shared by all, acquire/work/release).
Before the fix (a held-out program of issue 26), the grader said: fork and spawn: run_limited_capped and run_limited_one failed, "run_limited(work, 5, 2): process 8 ran work(i) while holding no semaphore. Take the semaphore around the work".
The diagnosis then: holds of a Manager's Semaphore (an AcquirerProxy; acquire/release run in the manager's server) are not tracked, only multiprocessing.synchronize.Semaphore's. Count how many workers were inside the limited section at once, whatever object limited it. The message names an internal pid alone."""
import multiprocessing


def guarded(sem, work, i):
    sem.acquire()   # limit concurrency
    work(i)
    sem.release()


def run_limited(work, n, limit):
    with multiprocessing.Manager() as manager:
        sem = manager.Semaphore(limit)

        processes = []
        for i in range(n):
            p = multiprocessing.Process(target=guarded, args=(sem, work, i))
            processes.append(p)
            p.start()

        for p in processes:
            p.join()
