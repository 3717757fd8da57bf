"""Source: a public A3C training script (code index id 15183221024): `manager = mp.Manager()`,
`manager.Barrier(num_workers)` passed to every worker; main starts num_workers processes, then
`processes[0].join()` ("Wait for main process to finish") and `for p in processes[1:]:
p.terminate()` ("Kill other workers").
Adapted: run(rank, ..., barrier, ...) -> phased(barrier, work, i): work(1, i), barrier.wait(),
work(2, i); main -> run_phases(work, n) with manager.Barrier(n), the author's join-the-first /
terminate-the-rest kept (the manager left to exit with the program, as the author does).
Expected: a bug: workers 1..n-1 are terminated as soon as worker 0 ends, possibly before their
phase 2, and never joined: run_phases fails (an item's phase 2 missing, or not joined), fork and
spawn. phased itself (run by the grader) passes."""
import multiprocessing as mp


def phased(barrier, work, i):
    work(1, i)
    barrier.wait()
    work(2, i)


def run_phases(work, n):
    manager = mp.Manager()
    barrier = manager.Barrier(n)
    processes = []
    for rank in range(n):
        p = mp.Process(target=phased, args=(barrier, work, rank))
        p.start()
        processes.append(p)

    # Wait for main process to finish
    processes[0].join()

    # Kill other workers
    for p in processes[1:]:
        p.terminate()
