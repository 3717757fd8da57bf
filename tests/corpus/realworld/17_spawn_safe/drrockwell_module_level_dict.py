"""Source: DrRockwell/Multiprocessing-ordered-list, ordered_list_from_different_length_processes.py.
Intent: a script with its state at module level (`q = Queue()`, `process = []`,
`pre_dict = {}`) and no __main__ guard: twenty Process(target=f, args=(q, i)) each put
{index_num: x}; all are joined, then `pre_dict = {**pre_dict, **q.get()}` merges the twenty
answers, and the values are printed sorted by their index.
Adapted: f(q, index_num) -> scale(index, number, factor, results), which puts the exercise's
pair (index, number * factor) where the author put the one-entry dict {index_num: x}; the
top-level loop -> scale_all(numbers, factor), with `global pre_dict` and the author's three
names left at module level, one process per number, merging `dict([q.get()])` into pre_dict
and returning the values sorted by index; main(argv) and the guard added (the author's script
had no guard).
Expected: a bug that needs a second call with other numbers: pre_dict and process live at
module level, so a later call starts from what the earlier one left. Run plainly under fork,
spawn and forkserver, in one interpreter: scale_all([1, 2, 3], 10) returned [10, 20, 30] twice
in a row, then scale_all([5], 10) returned [50, 20, 30] and scale_all([], 3) [50, 20, 30] (the
stale answers for indices 1 and 2 came back). Each child also makes a Queue of its own when it
imports the module (unused). scale_all and scale_all_mixed fail (a second call with other
numbers returns stale values); script (one call in a fresh program) and scale_all_empty (one
call in a fresh runner) pass.
Before the fix (a held-out program of issue 26), the grader passed it, 12/12 under spawn and
forkserver: its second call of scale_all used the same numbers as the first, which the stale
dict answered rightly. The second call now has one number fewer; and since the first call was
right, its failure is told as a second call's, without the globals the children saw (pre_dict
differs between the caller and its spawn children here, but no child reads it)."""
import sys
from multiprocessing import Process, Queue

q = Queue()
process = []
pre_dict = {}


def scale(index, number, factor, results):
    results.put((index, number * factor))


def scale_all(numbers, factor):
    global pre_dict
    for i, number in enumerate(numbers):
        p = Process(target=scale, args=(i, number, factor, q))
        p.start()
        process.append(p)

    for p in process:
        p.join()

    for i in range(len(numbers)):
        pre_dict = {**pre_dict, **dict([q.get()])}

    key = list(pre_dict.keys())
    key.sort()
    sort_dict = {i: pre_dict[i] for i in key}
    return list(sort_dict.values())


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    factor = int(argv[0])
    print(scale_all([int(a) for a in argv[1:]], factor))


if __name__ == '__main__':
    main()
