"""Source: Eli Bendersky, "Shared counter with Python's multiprocessing" (2012), the "right way":
class Counter holding `self.val = Value('i', initval)` and its own `self.lock = Lock()`, with
`increment()` doing `with self.lock: self.val.value += 1`.
Adapted: add_many(counter, n) gets the Value the statement gives it, so the author's Counter's
lock becomes a module-level `lock = Lock()` and increment's body runs n times; count_up(n_processes,
n_each) is the post's main (a Value, n processes running the increments, joined).
Expected: fork: the module-level Lock is shared (inherited), the total is right, but the statement
demands the Value's own lock ("a Lock of your own does not count"): add_many_locked and
count_up_total fail with the message naming get_lock(). spawn: every child imports the module
again and gets a Lock of its own, so the increments really race: fail, the same message.
Verdict expected (decided before grading): failed (a Lock of its own, not counter.get_lock(); under spawn the module-level Lock is not even shared: a plain run gave 48387 of 80000).
Before the fix (a held-out program of issue 26), the grader said: fork and spawn: failed, "add_many(counter, 50): process 3 read and wrote counter.value without holding counter.get_lock()" (process 4 under spawn).
The diagnosis then: verdict right, message not true enough: it names an internal pid alone and no file or line (shared_counter.py:19, `counter.value += 1`), and it does not say that a Lock was held, only not the Value's own (the case the README singles out). Name the line of the unlocked access and that the lock held was another one."""
from multiprocessing import Process, Value, Lock

lock = Lock()


def add_many(counter, n):
    for i in range(n):
        with lock:
            counter.value += 1


def count_up(n_processes, n_each):
    counter = Value('i', 0)
    procs = [Process(target=add_many, args=(counter, n_each)) for i in range(n_processes)]

    for p in procs: p.start()
    for p in procs: p.join()

    return counter.value
