"""Correct: names of the student's own, the array's lock held while writing each element, the
slices from a list comprehension of ranges, the result read with a comprehension."""
from multiprocessing import Array, Process


def fill_squares(table, lo, hi):
    for idx in range(lo, hi):
        with table.get_lock():
            table[idx] = idx ** 2


def parallel_squares(n, n_processes):
    table = Array("i", n)
    cuts = [(k * n) // n_processes for k in range(n_processes)] + [n]
    procs = []
    for lo, hi in zip(cuts, cuts[1:]):
        proc = Process(target=fill_squares, args=(table, lo, hi))
        proc.start()
        procs.append(proc)
    for proc in procs:
        proc.join()
    return [table[i] for i in range(n)]
