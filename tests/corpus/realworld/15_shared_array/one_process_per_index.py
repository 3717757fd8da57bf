"""Source: a public GitHub file (code index: `def target(number, a): print("Appending {}".format(number));
a[number] = number`; `a = Array('i', 10)`; `processes = [Process(target=target, args=(i, a),
name="factorial") for i in range(10)]`, all started, all joined, the array printed before and after).
Adapted: target(number, a) -> fill_squares(arr, start, stop) writing i * i (the author writes the
number itself) with its print; the main -> parallel_squares(n, n_processes): the author's one
process per index (fill_squares(a, i, i + 1)), so n_processes is not used; returns a[:].
Expected: a bug by the statement: n processes instead of n_processes, one per element:
squares_from_children and squares_uneven fail (the values are right), fork and spawn;
fill_squares passes."""
from multiprocessing import Process, Array


def fill_squares(a, start, stop):
    for number in range(start, stop):
        print("Appending {}".format(number))
        a[number] = number * number


def parallel_squares(n, n_processes):
    a = Array('i', n)

    processes = [Process(target=fill_squares, args=(a, i, i + 1), name="factorial") for i in range(n)]

    for process in processes:
        process.start()

    for process in processes:
        process.join()

    return a[:]
