"""Source: StatsGary/PythonMutliprocessing, semaphore_shared_access.py (after SuperFastPython):
task(shared_semaphore, ident) does `with shared_semaphore:` a random sleep and a print with
flush=True; the main makes Semaphore(2), 100 processes, starts them all, then joins them all.
Adapted: task -> guarded(sem, work, i), work(i) in place of the random sleep (the print kept, its
random value -> i); the main -> run_limited(work, n, limit), Semaphore(2) -> Semaphore(limit),
100 -> n.
Expected: passed under fork and spawn."""
from multiprocessing import Process, Semaphore


# Task to run on the CPU
def guarded(shared_semaphore, work, ident):
    with shared_semaphore:
        work(ident)
        print(f'Process {ident} got {ident}', flush=True)


def run_limited(work, n, limit):
    # Create the shared semaphore
    semap = Semaphore(limit)
    processes = [Process(target=guarded, args=(semap, work, i)) for i in range(n)]

    # Start Child processes
    for process in processes:
        process.start()

    # wait for child processes to finish
    for process in processes:
        process.join()
