"""Source: a public GitHub file (code index, "Thanks to The Little Book of Semaphores by Allen B.
Downey for pseudocode"): class Barrier with `self.count = multiprocessing.Value('i', 0)` and
wait() doing `self.count += 1` and `if self.count == self.num_threads:` on the Value itself.
Adapted: the class kept as is; phased(barrier, work, i) calls work(1, i), barrier.wait(),
work(2, i); run_phases(work, n) makes one Barrier(n) of the author's class, n processes, starts
and joins them all.
Expected: a bug: `self.count += 1` on a Value raises TypeError (unsupported operand), so every
worker dies in wait() after phase 1 with exit code 1 and no phase 2 runs: run_phases fails (the
child's TypeError reported at the author's line), fork and spawn; phased itself, run by the
grader with its own barrier, is right and passes."""
import multiprocessing


# Thanks to The Little Book of Semaphores by Allen B. Downey for pseudocode
class Barrier:
    def __init__(self, num_threads):
        self.num_threads = num_threads
        self.count = multiprocessing.Value('i', 0)
        self.mutex = multiprocessing.Semaphore(1)
        self.barrier = multiprocessing.Semaphore(0)

    def wait(self):
        self.mutex.acquire()
        self.count += 1
        self.mutex.release()
        if self.count == self.num_threads:
            self.barrier.release()
        self.barrier.acquire()
        self.barrier.release()

    def number_threads_waiting(self):
        return self.count


def phased(barrier, work, i):
    work(1, i)
    barrier.wait()
    work(2, i)


def run_phases(work, n):
    barrier = Barrier(n)
    ps = [multiprocessing.Process(target=phased, args=(barrier, work, i)) for i in range(n)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
