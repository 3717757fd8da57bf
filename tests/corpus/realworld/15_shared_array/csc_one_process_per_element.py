"""Source: csc-training/hpc-python, answers/ex23a.py
(https://github.com/csc-training/hpc-python/blob/master/answers/ex23a.py) (Python 2).
Intent: an Array('i', range(10)) squared in place, one process per element, each running
squared(a, i), which reads a[i] and writes back its square; the parent joins them all and
prints numbers[:].
Adapted: the module-level code -> parallel_squares(n, n_processes) (range(n) instead of
range(10); the number of processes is still one per element), `print numbers[:]` -> return
numbers[:]; fill_squares(a, start, stop) added, calling the original squared(a, i) for each i,
and each process runs fill_squares(numbers, i, i + 1) instead of squared(numbers, i).
Expected: squared squares the value already in a[i] rather than writing i * i, so on the
grader's zeroed Array fill_squares_slice failed; parallel_squares starts n processes, not
n_processes, so squares_from_children and squares_uneven failed (12 and 10 processes wrote
into the array, 3 and 4 were asked for)."""
from multiprocessing import Process, Array

def squared(a, i):
    a[i] = a[i] * a[i]

def fill_squares(a, start, stop):
    for i in range(start, stop):
        squared(a, i)

def parallel_squares(n, n_processes):
    numbers = Array('i', range(n))
    p = [Process(target=fill_squares, args=(numbers, i, i + 1)) for i in range(n)]

    for i in range(n):
        p[i].start()
    for i in range(n):
        p[i].join()

    return numbers[:]
