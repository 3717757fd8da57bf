"""Source: the Python docs, concurrent.futures, "ProcessPoolExecutor Example" (is_prime over
PRIMES: `with concurrent.futures.ProcessPoolExecutor() as executor: for number, prime in
zip(PRIMES, executor.map(is_prime, PRIMES))`).
Adapted: is_prime -> square; main -> map_in_pool(function, items, processes), with
ProcessPoolExecutor(max_workers=processes) and list(executor.map(function, items)).
Expected: correct by the statement (a pool of `processes` worker processes, results in the order
of the items -- executor.map keeps it --, shut down by the with block): passed under fork and
spawn. (A ProcessPoolExecutor starts its workers as tasks arrive, up to max_workers.)"""
import concurrent.futures


def square(x):
    return x * x


def map_in_pool(function, items, processes):
    with concurrent.futures.ProcessPoolExecutor(max_workers=processes) as executor:
        return list(executor.map(function, items))
