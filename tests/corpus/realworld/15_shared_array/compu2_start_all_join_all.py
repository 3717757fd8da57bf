"""Source: VicenteCaraT/compu2, Clases/Clase8_21-04/array.py: `shared_array = Array('i',
range(5))`, `processes = [Process(target=simple_array_example, args=(shared_array, i)) for i in
range(5)]`, all started, then all joined, then the array printed; the target squares arr[i] and
prints the array.
Adapted: simple_array_example(arr, i) -> fill_squares(arr, start, stop) writing i * i on its range
(the print of arr[:] kept); the main -> parallel_squares(n, n_processes) with Array('i', n) and
one process per slice of ceil(n / n_processes) elements (the author's one per index), all
started then all joined; returns shared_array[:].
Expected: passed under fork and spawn."""
from multiprocessing import Process, Array


def fill_squares(arr, start, stop):
    for i in range(start, stop):
        arr[i] = i * i
    print(f'Array en proceso {start}: {arr[:]}')


def parallel_squares(n, n_processes):
    shared_array = Array('i', n)
    size = -(-n // n_processes)
    processes = [Process(target=fill_squares, args=(shared_array, i * size, min(n, (i + 1) * size)))
                 for i in range(n_processes)]

    for p in processes:
        p.start()
    for p in processes:
        p.join()

    return shared_array[:]
