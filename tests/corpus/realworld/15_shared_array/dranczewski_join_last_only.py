"""Source: jdranczewski/optical-levitation-raytracing-experiments, a prototype "exploring the
creation of multiple processes and sharing of an array between them": a = mp.Array(c_double,
52) seen through numpy; batch = int(np.ceil(n / 5)); a loop starts five processes, process i
filling its batch a[batch*i:batch*(i+1)]; after the loop a single `p.join()`, so only the last
process started is joined; then it prints the array.
Adapted: f(a, i) -> fill_squares(arr, start, stop) writing i * i through the Array; the main
block -> parallel_squares(n, n_processes): Array("i", n), batch = ceil(n / n_processes) with
math.ceil instead of numpy, each child given the Array and its bounds (min(stop, n) so the last
batch stays inside), the single join after the loop kept, returns arr[:].
Expected (teacher, read and run plainly): wrong: only the last child is joined; the others may
still be running when parallel_squares returns (run plainly the list is usually complete:
the bug shows as children never joined, not as wrong values).
Held out, graded once: agreed under fork and spawn.
"""
import multiprocessing as mp
import math


def fill_squares(arr, start, stop):
    for i in range(start, stop):
        arr[i] = i * i


def parallel_squares(n, n_processes):
    a = mp.Array("i", n)
    print(a[:])
    batch = int(math.ceil(n / n_processes))
    for i in range(n_processes):
        p = mp.Process(target=fill_squares, args=(a, batch*i, min(batch*(i+1), n)))
        p.start()
    p.join()
    # f(a, 2)
    print(a[:])
    return a[:]
