"""Source: a public GitHub file (code index id 6897889288): `with multiprocessing.Manager() as
proc_manager:` ... `proc_barrier = proc_manager.Barrier(args.max_workers)` handed to the workers.
Adapted: the worker -> phased(barrier, work, i): work(1, i), barrier.wait(), work(2, i); the
main -> run_phases(work, n): inside the author's with block, proc_manager.Barrier(n), one
Process per worker instead of the author's Pool, all started then all joined.
Expected: correct: every worker waits at one and the same (Manager) barrier between its phases;
passed under fork and spawn.
Verdict expected (decided before grading): passed everywhere (one Manager Barrier(n), every worker waits at it between its phases).
Before the fix (a held-out program of issue 26), the grader said: fork and spawn: run_phases_order and run_phases_two failed, "the workers did not all wait at one and the same barrier. Create ONE Barrier(n)..."
The diagnosis then: a BarrierProxy's wait() is not seen as a wait at a barrier; the check should be the order of the phases' work (no phase 2 before every phase 1 ended), which this program keeps."""
import multiprocessing


def phased(barrier, work, i):
    work(1, i)
    barrier.wait()
    work(2, i)


def run_phases(work, n):
    with multiprocessing.Manager() as proc_manager:
        proc_barrier = proc_manager.Barrier(n)
        ps = [multiprocessing.Process(target=phased, args=(proc_barrier, work, i))
              for i in range(n)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
