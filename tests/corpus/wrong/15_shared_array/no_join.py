"""Wrong: the children are started but never joined; the array is read while they may still
be writing."""
from multiprocessing import Array, Process


def fill_squares(arr, start, stop):
    for i in range(start, stop):
        arr[i] = i * i


def parallel_squares(n, n_processes):
    arr = Array("i", n)
    bounds = [k * n // n_processes for k in range(n_processes + 1)]
    for k in range(n_processes):
        Process(target=fill_squares, args=(arr, bounds[k], bounds[k + 1])).start()
    return arr[:]
