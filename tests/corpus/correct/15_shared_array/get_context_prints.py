"""Correct: a spawn context, each slice written in one slice assignment, debug prints in the
children and the caller, the slices computed with divmod."""
import multiprocessing as mp
import os


def fill_squares(arr, start, stop):
    print("child", os.getpid(), "fills", start, "to", stop)
    arr[start:stop] = [i * i for i in range(start, stop)]


def parallel_squares(n, n_processes):
    ctx = mp.get_context("spawn")
    data = ctx.Array("i", [0] * n)
    size, extra = divmod(n, n_processes)
    workers, begin = [], 0
    for k in range(n_processes):
        end = begin + size + (1 if k < extra else 0)
        workers.append(ctx.Process(target=fill_squares, args=(data, begin, end)))
        begin = end
    for w in workers:
        w.start()
    print("parent started", len(workers), "workers")
    for w in workers:
        w.join()
    with data.get_lock():
        result = data[:]
    print("parent got", result)
    return result
