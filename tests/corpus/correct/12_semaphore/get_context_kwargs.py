"""Correct: a forkserver context (where it exists), keyword arguments."""
import multiprocessing as mp


def guarded(sem, work, i):
    with sem:
        work(i)


def run_limited(work, n, limit):
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    sem = ctx.Semaphore(value=limit)
    workers = [ctx.Process(target=guarded, kwargs={"sem": sem, "work": work, "i": i}) for i in range(n)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
