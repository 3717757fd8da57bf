"""Source: a public GitHub file (code index id 41989226907), "Process Semaphore Example" (a
teaching script: worker(semaphore, process_id) prints that it waits, then under `with
semaphore:` prints, calls shared_resource(process_id) (a print, a random sleep, a print) and
prints again; main() makes Semaphore(3) and ten processes, starts them all, then joins them all).
Adapted: worker(semaphore, process_id) -> guarded(sem, work, i), the call
shared_resource(process_id) -> work(i) (shared_resource itself dropped); main() ->
run_limited(work, n, limit): Semaphore(limit) and n processes instead of 3 and 10.
Expected: correct: work(i) runs inside `with semaphore:`, one Semaphore(limit) shared by every
process, all started then all joined: passed under fork, spawn and forkserver. (The author's note
that passing the Semaphore to the children "may have issues on Windows (spawn)" is not so: a
Semaphore given to a Process in its args is pickled for the child under spawn.)
"""

import multiprocessing


def guarded(semaphore, work, process_id):
    """Worker that respects the semaphore limit."""
    print(f"Process {process_id} is waiting for the semaphore")
    with semaphore:
        print(f"Process {process_id} acquired the semaphore")
        work(process_id)
        print(f"Process {process_id} released the semaphore")


def run_limited(work, num_processes, max_concurrent):
    # Create semaphore allowing up to max_concurrent processes
    semaphore = multiprocessing.Semaphore(max_concurrent)

    # Create and start worker processes
    processes = [
        multiprocessing.Process(target=guarded, args=(semaphore, work, i))
        for i in range(num_processes)
    ]

    for process in processes:
        process.start()

    for process in processes:
        process.join()
