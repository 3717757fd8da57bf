"""Source: KKsky77/Advanced-python, 多线程和多进程/多进程.py.
Intent: `temp = Array('i', [1, 2, 3, 4])`; ten Process(target=func, args=(i, temp)) are
started in a loop, each adding 100 to temp[0] and printing "进程%s  修改数组第一个元素后----->"
with the new value; no process is ever joined (the script just ends).
Adapted: func(i, temp) -> fill_squares(arr, start, stop), which writes i * i into its slice
(the author's every process wrote temp[0]) and prints the author's line for its first index;
the main block -> parallel_squares(n, n_processes): Array("i", n), one process per slice with
the bounds j * n // n_processes, each started in the loop as the author did, none joined, and
the array's contents returned at once (where the author's script ended).
Expected: a bug: no child is joined, so parallel_squares returns while they may still be
writing, and leaves them running. Run plainly, parallel_squares(12, 3) in a script of its own,
2 runs under each method: under fork it returned [0, 1, 4, ..., 49, 0, 0, 0, 0] once and every
square once; under spawn and forkserver all zeros both times, and the children then failed
to start at all (FileNotFoundError rebuilding the Array's lock: the script had ended and its
semaphore was gone). fill_squares_slice passed; squares_from_children and squares_uneven
not_joined, under every method."""
from multiprocessing import Process
from multiprocessing import Array


def fill_squares(arr, start, stop):
    for i in range(start, stop):
        arr[i] = i * i
    if start < stop:
        print("进程%s " % start, ' 修改数组第一个元素后----->', arr[start])


def parallel_squares(n, n_processes):
    temp = Array('i', n)
    for j in range(n_processes):
        p = Process(target=fill_squares, args=(temp, j * n // n_processes, (j + 1) * n // n_processes))
        p.start()
    return temp[:]
