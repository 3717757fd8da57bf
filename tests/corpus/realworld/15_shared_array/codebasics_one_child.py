"""Source: ayush9398/multiprocessing_python, Squares_and_Cubes/multiprocessing_shared_mem.py
(https://github.com/ayush9398/multiprocessing_python/blob/master/Squares_and_Cubes/multiprocessing_shared_mem.py),
the shared-memory example of a widely copied tutorial.
Intent: one child runs calc_square(numbers, result), writing the square of each number into a
shared Array('i', 3) at the number's position in the list; the parent joins it and prints
result[:].
Adapted: the `__main__` block -> parallel_squares(n, n_processes) (numbers = range(n) and
Array('i', n) instead of [2, 3, 5] and 3; still one child), `print(result[:])` -> return
result[:]; fill_squares(arr, start, stop) added, calling the original calc_square on
range(start, stop).
Expected: calc_square writes at the positions 0, 1, 2... of its list, not at the numbers
themselves, so fill_squares_slice failed; the one child runs calc_square, never fill_squares,
so squares_from_children and squares_uneven no_process (the squares returned are right: a
right list is not the evidence)."""
import multiprocessing

def calc_square(numbers, result):
    for idx, n in enumerate(numbers):
        result[idx] = n*n

def fill_squares(arr, start, stop):
    calc_square(range(start, stop), arr)

def parallel_squares(n, n_processes):
    numbers = range(n)
    result = multiprocessing.Array('i',n)
    p = multiprocessing.Process(target = calc_square, args=(numbers, result))
    p.start()
    p.join()
    return result[:]
