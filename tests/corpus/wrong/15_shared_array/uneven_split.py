"""Wrong: slices of n // n_processes elements each; when n is not a multiple of n_processes
the last elements are never written."""
from multiprocessing import Array, Process


def fill_squares(arr, start, stop):
    for i in range(start, stop):
        arr[i] = i * i


def parallel_squares(n, n_processes):
    arr = Array("i", n)
    size = n // n_processes
    processes = [Process(target=fill_squares, args=(arr, k * size, (k + 1) * size))
                 for k in range(n_processes)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return arr[:]
