"""Wrong: each child is joined right after it is started, so the children fill their slices
one after another, never side by side."""
from multiprocessing import Array, Process


def fill_squares(arr, start, stop):
    for i in range(start, stop):
        arr[i] = i * i


def parallel_squares(n, n_processes):
    arr = Array("i", n)
    bounds = [k * n // n_processes for k in range(n_processes + 1)]
    for k in range(n_processes):
        p = Process(target=fill_squares, args=(arr, bounds[k], bounds[k + 1]))
        p.start()
        p.join()
    return arr[:]
