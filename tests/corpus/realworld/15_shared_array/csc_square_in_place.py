"""Source: csc-training/hpc-python, answers/ex23a.py (a course's model answer): squared(a, i)
does `a[i] = a[i] * a[i]`; the module's top level makes `numbers = Array('i', range(10))`,
ten processes (one per index), starts them all, joins them all, prints numbers[:] (Python 2).
Adapted: squared(a, i) -> fill_squares(a, start, stop), the same in-place `a[i] = a[i] * a[i]`
for each i of its slice; the top level -> parallel_squares(n, n_processes): the author's
`Array('i', range(n))`, n_processes processes on the slices i*n//n_processes ..
(i+1)*n//n_processes, all started then all joined, returns numbers[:].
Expected (teacher, read and run plainly): fill_squares squares what is already in the array
instead of writing i * i: on a fresh Array("i", 8) of zeros, fill_squares(arr, 2, 6) leaves it
all zeros: wrong. parallel_squares is right: it starts from range(n), so every child writes
i * i into the one shared Array, over slices that cover it; all started before the first join,
all joined.
Held out, graded once: agreed under fork and spawn.
"""
from multiprocessing import Process, Array

def fill_squares(a, start, stop):
    for i in range(start, stop):
        a[i] = a[i] * a[i]

def parallel_squares(n, n_processes):
    numbers = Array('i', range(n))
    p = [Process(target=fill_squares, args=(numbers, i * n // n_processes, (i + 1) * n // n_processes, )) for i in range(n_processes)]

    for i in range(n_processes):
        p[i].start()
    for i in range(n_processes):
        p[i].join()

    print(numbers[:])
    return numbers[:]
