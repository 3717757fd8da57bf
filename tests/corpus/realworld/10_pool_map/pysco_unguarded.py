"""Source: eurostat/Pysco, src/accessibility/test.py.
Intent: square five numbers in a Pool of 4, at the top level of the module (no `__main__` guard).
Adapted: the pool's work is also offered as map_in_pool(function, items, processes); the
module-level pool is kept as it was.
Expected: error under every start method. Run plainly as a script under fork it prints
[1, 4, 9, 16, 25]; imported as a module it never finishes: under fork the workers, forked while
the module is being imported, wait forever for that import to end before they can find square;
under spawn and forkserver every worker imports the module again and tries to start a pool of
its own."""
from multiprocessing import Pool

def square(x):
    return x * x

def map_in_pool(function, items, processes):
    with Pool(processes) as p:
        return p.map(function, items)

with Pool(4) as p:
    print(p.map(square, [1, 2, 3, 4, 5]))
