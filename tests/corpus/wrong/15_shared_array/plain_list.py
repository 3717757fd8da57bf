"""Wrong: a plain list is handed to the children; each writes into its own copy, and the
caller returns the zeros it started with."""
from multiprocessing import Process


def fill_squares(arr, start, stop):
    for i in range(start, stop):
        arr[i] = i * i


def parallel_squares(n, n_processes):
    arr = [0] * n
    bounds = [k * n // n_processes for k in range(n_processes + 1)]
    processes = [Process(target=fill_squares, args=(arr, bounds[k], bounds[k + 1]))
                 for k in range(n_processes)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return arr
