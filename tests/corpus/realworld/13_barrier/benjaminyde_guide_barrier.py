"""Source: BenjaminYde/Python-Guide (a Python guide's notebook, "Using Barrier"): task(barrier,
process_id) sleeps a random 0.1 to 1.0 s, prints that it reached the barrier, calls
barrier.wait(), then prints that it passed; run() makes Barrier(4) and four processes, starts
them all, then joins them all (the notebook calls run() at the top level).
Adapted: task(barrier, process_id) -> phased(barrier, work, process_id): work(1, process_id)
after the random sleep, work(2, process_id) after the last print; run() -> run_phases(work, n)
with num_processes = n; the top-level run() call dropped (a module to import).
Expected (teacher, read and run plainly): correct: one Barrier(n) for the n workers, each waits
at it between its phases, all started then all joined.
Held out, graded once: agreed under fork and spawn.
"""
from multiprocessing import Process, Barrier
import time
import random

def phased(barrier: Barrier, work, process_id: int):
    # Simulate doing some work before reaching the barrier
    time_to_sleep = random.uniform(0.1, 1.0)
    print(f"Process {process_id} is working for {time_to_sleep:.2f} seconds.")
    time.sleep(time_to_sleep)
    work(1, process_id)

    # Wait for other processes at the barrier
    print(f"Process {process_id} reached the barrier.")
    barrier.wait()

    # Continue with the next part of the task
    print(f"Process {process_id} passed the barrier and continues working.")
    work(2, process_id)

def run_phases(work, n):
    num_processes = n
    barrier = Barrier(num_processes)

    # Create and start processes
    processes = [Process(target=phased, args=(barrier, work, i)) for i in range(num_processes)]
    for p in processes:
        p.start()

    # Wait for all processes to complete
    for p in processes:
        p.join()
