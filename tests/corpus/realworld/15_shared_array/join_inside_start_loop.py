"""Source: a public GitHub file "multiprocessing-shared-array.py" (code index: class A with
solve() making `arr = Array('d', np.arange(4.))`, then `for i in range(self.iter): p =
Process(...); procs.append(p); p.start()` with `for proc in procs: proc.join()` indented inside
that same loop).
Adapted: A.next(energ, i) -> fill_squares(arr, start, stop) (writing i * i at each index instead
of a row sum); solve() -> parallel_squares(n, n_processes) with Array("i", n) and one process per
slice of ceil(n / n_processes) elements (the author's one process per index), keeping the join
loop inside the start loop; numpy and the class dropped.
Expected: a bug by the statement: each child is joined before the next is started, so the
children never run at the same time: the "all started before the first is joined" check fails
(the values are right), fork and spawn; fill_squares passes."""
from multiprocessing import Process, Array


def fill_squares(arr, start, stop):
    for i in range(start, stop):
        arr[i] = i * i


def parallel_squares(n, n_processes):
    arr = Array('i', n)
    procs = []
    size = -(-n // n_processes)

    for i in range(n_processes):
        p = Process(target=fill_squares, args=(arr, i * size, min(n, (i + 1) * size)))
        procs.append(p)
        p.start()

        for proc in procs:
            proc.join()
    return arr[:]
