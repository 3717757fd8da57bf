"""Source: PacktPublishing/Python-Parallel-Programming-Cookbook-Second-Edition,
Chapter03/process_pool.py: function_square(data) returns data*data; the main block makes
`multiprocessing.Pool(processes=4)`, `pool.map(function_square, inputs)`, then pool.close() and
pool.join(), and prints the outputs.
Adapted: function_square -> square(x); the main block -> map_in_pool(function, items, processes)
(processes=processes instead of 4), returning the outputs; the print kept.
Expected: passed under fork and spawn.
Held out, graded once: agreed under fork and spawn."""
import multiprocessing


def square(data):
    result = data*data
    return result


def map_in_pool(function, items, processes):
    inputs = list(items)
    pool = multiprocessing.Pool(processes=processes)
    pool_outputs = pool.map(function, inputs)

    pool.close()
    pool.join()
    print ('Pool    :', pool_outputs)
    return pool_outputs
