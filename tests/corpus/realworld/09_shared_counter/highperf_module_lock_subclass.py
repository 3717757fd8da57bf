"""Source: CodeQiu/python_high_performance_second, chapter07/example11.py (the fix the notes
give for example10: a module-level `lock = multiprocessing.Lock()`, and the Process subclass's
run() does `with lock: self.counter.value += 1` 1000 times; main() as in example10).
Adapted: run()'s loop -> add_many(counter, n) (range(1000) -> range(n)), which run() calls with
the counter and an n the subclass now keeps; main() -> count_up(n_processes, n_each): n_processes
of them instead of 4, counter.value returned instead of printed.
Expected: a bug: the lock held is the module's own, not counter.get_lock() (the statement asks
for the Value's lock: "a Lock of your own does not count"); and under spawn and forkserver each
child imports the module again and makes a lock of its own, so the increments are not even
excluded from one another (run plainly, three times per start method: count_up(4, 200) and
count_up(4, 2000) always right under fork; under spawn and forkserver 5 of the 12 totals short,
600 of 800 once). add_many_locked and
count_up_total fail under fork, spawn and forkserver.
"""
import multiprocessing

lock = multiprocessing.Lock()


def add_many(counter, n):
    for i in range(n):
        with lock:
            counter.value += 1


class Process(multiprocessing.Process):
    def __init__(self, counter, n):
        super(Process, self).__init__()
        self.counter = counter
        self.n = n

    def run(self):
        add_many(self.counter, self.n)


def count_up(n_processes, n_each):
    counter = multiprocessing.Value("i", lock=True)
    counter.value = 0

    processes = [Process(counter, n_each) for i in range(n_processes)]
    [p.start() for p in processes]
    [p.join() for p in processes]
    return counter.value
