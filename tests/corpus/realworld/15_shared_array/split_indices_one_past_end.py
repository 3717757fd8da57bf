"""Source: a public GitHub file with class MultiprocessingUtils (code index id 12618101455; a
coreference-resolution project's utils, Python 2) and its caller (code index id 12875590969).
get_array_split_indices(array_length, thread_count) does `array_length += 1`, then
`indices = range(0, array_length, array_length / thread_count)[:thread_count]` and
`indices.append(array_length)`; start_all_processes starts every process, then
wait_for_all_processes joins every one. The caller hands each worker the slice
m_all[indices[idx]:indices[idx+1]] of a list, where a stop one past the end is harmless.
Adapted: the three helpers kept (Python 3: `//` for `/`, list(range(...)) so that append
works); parallel_squares(n, n_processes) makes Array("i", n), one
Process(target=fill_squares, args=(arr, indices[idx], indices[idx + 1])) per index range,
starts them all, joins them all, returns arr[:]; fill_squares is the exercise's loop
`arr[i] = i * i` for i in range(start, stop).
Expected: a bug: the last range always stops at n + 1 (indices end with array_length, already
increased by one), so the last child writes its squares and then raises IndexError on arr[n]
and exits with code 1. Run plainly under fork, spawn and forkserver: parallel_squares(12, 3)
printed the child's "IndexError: invalid index" traceback (the last child's exitcode 1) and
returned the right squares (every element below n was written before the error).
fill_squares_slice passed; squares_from_children and squares_uneven crashed (a child's
IndexError at fill_squares' write)."""
from multiprocessing import Array, Process


class MultiprocessingUtils(object):
    @staticmethod
    def get_array_split_indices(array_length, thread_count):
        array_length += 1
        indices = list(range(0, array_length, array_length // thread_count))[:thread_count]
        indices.append(array_length)

        return indices

    @staticmethod
    def start_all_processes(processes):
        for process in processes:
            process.start()

    @staticmethod
    def wait_for_all_processes(processes):
        for process in processes:
            process.join()


def fill_squares(arr, start, stop):
    for i in range(start, stop):
        arr[i] = i * i


def parallel_squares(n, n_processes):
    arr = Array("i", n)
    indices = MultiprocessingUtils.get_array_split_indices(n, n_processes)
    processes = [Process(target=fill_squares, args=(arr, indices[idx], indices[idx + 1]))
                 for idx in range(n_processes)]
    MultiprocessingUtils.start_all_processes(processes)
    MultiprocessingUtils.wait_for_all_processes(processes)
    return arr[:]
