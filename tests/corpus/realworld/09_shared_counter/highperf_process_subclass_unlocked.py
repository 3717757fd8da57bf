"""Source: CodeQiu/python_high_performance_second, chapter07/example10.py (notes on the book
"Python High Performance", 2nd ed.: a subclass of multiprocessing.Process, itself named Process,
whose run() does `self.counter.value += 1` 1000 times; main() makes `Value("i", lock=True)`,
sets `counter.value = 0`, starts four of them and joins them; the author's comment: the result
is not as expected, there is no lock).
Adapted: run()'s loop -> add_many(counter, n) (range(1000) -> range(n)), which run() calls with
the counter and an n the subclass now keeps; main() -> count_up(n_processes, n_each): n_processes
of them instead of 4, counter.value returned instead of printed.
Expected: a bug (as its author says): each `counter.value += 1` is a read and a write without
counter.get_lock(): add_many_locked and count_up_total fail under fork, spawn and forkserver (run
plainly, three times per start method, count_up(4, 200) always gave 800 and count_up(4, 2000)
lost increments once in nine: the loss is rare, the bug is there every time). count_up_small is left out (its total is luck).
"""
import multiprocessing


def add_many(counter, n):
    for i in range(n):
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
