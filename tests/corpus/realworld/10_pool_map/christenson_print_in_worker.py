"""Source: a public GitHub file by Chase Christenson (code index id 26980603300): square(x)
prints x**2 in the worker and returns it; `with Pool() as pool: list(pool.map(square,
range(10)))` under the __main__ guard (the list made and dropped).
Adapted: the __main__ block -> map_in_pool(function, items, processes): Pool() ->
Pool(processes), square -> function, range(10) -> items, and the list returned instead of
dropped.
Expected: correct: pool.map gives the results in the order of the items, the with block shuts the
pool down, and square runs in the workers (its print shows each square from a worker): passed
under fork, spawn and forkserver. The prints are output the statement does not forbid.
"""

from multiprocessing import Pool


def square(x):
    print(x**2)
    return x ** 2


def map_in_pool(function, items, processes):
    with Pool(processes) as pool:
        return list(pool.map(function, items))
