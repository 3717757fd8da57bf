"""Source: memorybyte/python, multiprocessing-and-multithreading/12_process_value.py.
Intent: four processes increment one Value('i', 0) 100,000 times each, every increment inside
`with counter.get_lock():`, then print the final value.
Adapted: increment(counter) -> add_many(counter, n) (range(n) instead of range(100_000)); the
`__main__` block -> count_up(n_processes, n_each) (range(n_processes) instead of range(4)),
returning the final value instead of printing it.
Expected: passed everywhere (run plainly: the exact total under all three methods)."""
from multiprocessing import Process, Value
import time

def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value +=1 


def count_up(n_processes, n_each):
    counter = Value('i', 0) # has inbuilt lock

    processes = [
        Process(target=add_many, args=(counter, n_each)) for _ in range(n_processes)
    ]
    [process.start() for process in processes]
    [process.join() for process in processes]

    return counter.value
