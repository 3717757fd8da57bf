"""Source: hoginogithub/python_kiso_dorill, q07_07_check1.py
(https://github.com/hoginogithub/python_kiso_dorill/blob/master/q07_07_check1.py).
Intent: ten workers each sum one block of a range and write the block's sum into their own
element of a shared Array('q', ...); the parent joins each worker and reads its element.
Adapted: add_all(fr, to, index, array), which writes one sum, -> fill_squares(array, fr, to),
which writes i * i at each index of its block (the block still given with an inclusive end,
`to - 1`, as the original's); the module-level `__main__` code -> parallel_squares(n,
n_processes) with wk_num = n_processes and end_num = n, returning the elements read after
each join instead of printing the total; the timing and the serial comparison are left out.
Expected: the original's block size `end_num // wk_num` leaves the last elements out when n is
not a multiple of the number of workers: fill_squares_slice and squares_from_children (12 by
3) passed, squares_uneven (10 by 4) failed, naming the elements 8 and 9 no child wrote."""
from multiprocessing import Process, Array


def add_all(fr, to, array):
    for n in range(fr, to + 1):
        array[n] = n * n


def fill_squares(array, fr, to):
    add_all(fr, to - 1, array)


def parallel_squares(n, n_processes):
    wk_num = n_processes
    result = Array('q', n)
    worker = [None] * wk_num

    end_num = n
    division = end_num // wk_num

    for i in range(wk_num):
        start = i * division
        end = (i + 1) * division - 1
        worker[i] = Process(target=fill_squares, args=(result, start, end + 1))
        worker[i].start()
    values = []
    for i in range(wk_num):
        worker[i].join()
    for i in range(end_num):
        values.append(result[i])
    return values
