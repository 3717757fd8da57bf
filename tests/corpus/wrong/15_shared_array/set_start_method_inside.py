"""Wrong: parallel_squares calls set_start_method() itself. It works the first time; the second
call in the same program raises RuntimeError: context has already been set."""
import multiprocessing
from multiprocessing import Array, Process


def fill_squares(arr, start, stop):
    for i in range(start, stop):
        arr[i] = i * i


def parallel_squares(n, n_processes):
    multiprocessing.set_start_method("spawn")
    arr = Array("i", n)
    bounds = [k * n // n_processes for k in range(n_processes + 1)]
    processes = [Process(target=fill_squares, args=(arr, bounds[k], bounds[k + 1]))
                 for k in range(n_processes)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return arr[:]
