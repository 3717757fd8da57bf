"""Source: a public GitHub file (code index id 60319828319, decrement_active()): `with
_ACTIVE_COUNTER.get_lock(): obj = _ACTIVE_COUNTER.get_obj(); obj.value -= 1` (a shared Value
updated through get_obj() while holding its own lock).
Adapted: decrement -> increment: add_many(counter, n) does the author's body n times with
`obj.value += 1`; count_up is the statement's (a Value("i", 0), n processes, all joined).
Expected: correct: every read-modify-write holds counter.get_lock() (the Value's own lock), and
the total is right: passed under fork and spawn. (The statement's README names `counter.value`;
get_obj().value is the same C int under the same lock.)
Verdict expected (decided before grading): passed everywhere (every increment holds counter.get_lock(); totals right).
Before the fix (a held-out program of issue 26), the grader said: fork and spawn: add_many_locked, count_up_total and count_up_small failed, "the grader did not see process 3 both read and write counter.value. Increment the shared counter itself..."
The diagnosis then: the hooks watch Synchronized.value only; counter.get_obj() returns the raw c_int, whose .value reads and writes go around the wrapper, so a correct locked increment is 'unseen' (issue 26, evidence bound to one API path). Also an internal pid alone in the message."""
from multiprocessing import Process, Value


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            obj = counter.get_obj()
            obj.value += 1


def count_up(n_processes, n_each):
    counter = Value("i", 0)
    procs = [Process(target=add_many, args=(counter, n_each)) for _ in range(n_processes)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return counter.value
