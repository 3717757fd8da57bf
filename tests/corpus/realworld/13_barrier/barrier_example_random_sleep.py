"""Source: a public GitHub file (code index id 41924289526), "Process Barrier Example" (a
teaching script: worker(barrier, worker_id) sleeps a random 1 to 3 s as its "initial work",
prints, calls barrier.wait(), prints again; main() makes Barrier(5) and five processes, starts
them all, then joins them all).
Adapted: worker(barrier, worker_id) -> phased(barrier, work, i): the random sleep -> work(1, i),
work(2, i) added after the print that follows the wait; main() -> run_phases(work, n):
Barrier(n) and n processes instead of 5; the final print dropped.
Expected: correct: one Barrier(n) for the n workers, each waits at it between its phases, all
started then all joined: passed under fork, spawn and forkserver.
"""

import multiprocessing


def phased(barrier, work, worker_id):
    """
    Worker that performs work and synchronizes at a barrier.
    """
    work(1, worker_id)
    print(f"Worker {worker_id} finished initial work and is waiting at the barrier...")

    # Wait for all workers to reach the barrier
    barrier.wait()

    print(f"Worker {worker_id} passed the barrier and is continuing execution...")
    work(2, worker_id)


def run_phases(work, num_workers):
    # Create barrier requiring num_workers processes
    barrier = multiprocessing.Barrier(num_workers)

    # Create and start worker processes
    processes = [
        multiprocessing.Process(target=phased, args=(barrier, work, i))
        for i in range(num_workers)
    ]

    for p in processes:
        p.start()

    for p in processes:
        p.join()
