"""Correct: a Process subclass; each child takes every n_processes-th index (a stride, not a
block), the array is of 'l' (long) and read back with list()."""
import multiprocessing


def fill_squares(arr, start, stop):
    for i in range(start, stop):
        arr[i] = i * i


class StrideFiller(multiprocessing.Process):
    def __init__(self, shared, first, step):
        super().__init__()
        self.shared, self.first, self.step = shared, first, step

    def run(self):
        for i in range(self.first, len(self.shared), self.step):
            fill_squares(self.shared, i, i + 1)


def parallel_squares(n, n_processes):
    squares = multiprocessing.Array("l", n)
    fillers = [StrideFiller(squares, k, n_processes) for k in range(n_processes)]
    for f in fillers:
        f.start()
    for f in fillers:
        f.join()
    return list(squares)
