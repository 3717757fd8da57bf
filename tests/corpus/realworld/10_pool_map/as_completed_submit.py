"""Source: a public GitHub file (code index id 3545655249): `with
concurrent.futures.ProcessPoolExecutor() as executor: futures = [executor.submit(worker_process,
i) for i in range(10)]; for future in concurrent.futures.as_completed(futures):
print(future.result())`, worker_process(i) returning i * i ("square the argument").
Adapted: worker_process -> square; main() -> map_in_pool(function, items, processes):
ProcessPoolExecutor() -> ProcessPoolExecutor(max_workers=processes), range(10) -> items, the
printed results appended to a list that is returned; the file's unused helpers (f, _foo, and the
psutil and tqdm imports) dropped.
Expected: a bug: as_completed yields the futures in the order they finish, not in the order of
the items. The grader's own function makes item 0 finish last, so several_workers fails, fork,
spawn and forkserver, with the right values in the wrong order. square_in_pool and no_items are
left out: quick squares often finish in order, and an empty list has no order.
"""
import concurrent.futures


def square(i):
    return i * i  # square the argument


def map_in_pool(function, items, processes):
    results = []
    with concurrent.futures.ProcessPoolExecutor(max_workers=processes) as executor:
        futures = [executor.submit(function, i) for i in items]
        for future in concurrent.futures.as_completed(futures):
            results.append(future.result())
    return results
