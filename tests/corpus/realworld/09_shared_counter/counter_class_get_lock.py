"""Source: a public GitHub file (code index, class Counter(object) with `self.val =
multiprocessing.Value('i', 0)`, `increment(self, n=1)` doing `with self.val.get_lock():
self.val.value += n`, and a `value` property).
Adapted: the class kept; add_many(counter, n) wraps the given Value in the author's Counter (an
`__init__` taking the Value instead of making one) and calls increment() n times; count_up makes
the Value, wraps nothing itself and starts the processes, joining them all, and returns the
property value.
Expected: correct, passed under fork and spawn."""
import multiprocessing


class Counter(object):
    def __init__(self, val):
        self.val = val

    def increment(self, n=1):
        with self.val.get_lock():
            self.val.value += n

    @property
    def value(self):
        return self.val.value


def add_many(counter, n):
    c = Counter(counter)
    for _ in range(n):
        c.increment()


def count_up(n_processes, n_each):
    counter = multiprocessing.Value('i', 0)
    ps = [multiprocessing.Process(target=add_many, args=(counter, n_each))
          for _ in range(n_processes)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    return Counter(counter).value
