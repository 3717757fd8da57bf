"""Source: a blog post on Hatena, http://fjwr48.hatenablog.com/entry/2013/12/12/020436
("PicklingError: Can't pickle <type 'function'>"), its "ダメパターン" (the pattern that fails):
`f = lambda x: x* x` at the top level of the module, then `p = multiprocessing.Pool(4)` and
`for i in p.imap(f, l): print i`; the pool is never closed.
Adapted: f -> square, l -> items, Pool(4) -> Pool(processes); the loop -> map_in_pool(function,
items, processes), collecting the results in a list and returning it instead of printing them;
print statement (Python 2) dropped with the printing.
Expected: a bug twice over. `square` is a lambda: a Pool pickles the function it is given for every
task, whatever the start method, and a lambda cannot be pickled by name (PicklingError: attribute
lookup <lambda> failed), so map_in_pool(square, ...) raises: square_in_pool crashed, fork, spawn
and forkserver. And the pool is never shut down (no with, no close()/join(), no terminate()):
several_workers (the grader's own top-level function, which pickles fine) and no_items fail for
that.
First grading (a held-out program of issue 26): the same verdicts, fork, spawn and forkserver; the
kit's word for a pool left running is not_joined, which this case then took for "fail".
"""
import multiprocessing

square = lambda x: x * x


def map_in_pool(function, items, processes):
    p = multiprocessing.Pool(processes)
    results = []
    for i in p.imap(function, items):
        results.append(i)
    return results
