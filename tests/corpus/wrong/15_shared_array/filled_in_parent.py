"""Wrong: the caller fills the array itself; no child process is started."""
from multiprocessing import Array


def fill_squares(arr, start, stop):
    for i in range(start, stop):
        arr[i] = i * i


def parallel_squares(n, n_processes):
    arr = Array("i", n)
    fill_squares(arr, 0, n)
    return arr[:]
