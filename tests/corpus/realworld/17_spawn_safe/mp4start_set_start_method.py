"""Source: a public GitHub file "mp4start.py: Use multiprocessing.set_start_method" (code index
id 45742416279; one of a numbered series mp1..mp10 after the Python docs): main() calls
mp.set_start_method('spawn'), makes a Queue, starts Process(target=foo, args=(q,)), prints
q.get(), joins; main() runs under the __main__ guard.
Adapted: foo(q) -> scale(index, number, factor, results), putting (index, number * factor);
the author's main() (the function that starts the processes) -> scale_all(numbers, factor),
which still begins with mp.set_start_method('spawn'), starts one process per number, gets one
pair each (before joining, as the author did), joins them and returns the values by index;
main(argv) parses "factor numbers..." and prints the list; the guard kept.
Expected: a bug the second time scale_all is called in one program: set_start_method() may be
called once, and the second call raises RuntimeError: context has already been set. Run plainly,
`python mp4start_set_start_method.py 10 1 2 3` prints [10, 20, 30], and in one interpreter the
first scale_all([1, 2, 3], 10) returns [10, 20, 30], the second raises at the set_start_method
line. So scale_all and scale_all_mixed (called twice) crash on that line; script (main() runs
once) and scale_all_empty (called once) pass"""
import sys
import multiprocessing as mp


def scale(index, number, factor, results):
    results.put((index, number * factor))


def scale_all(numbers, factor):
    mp.set_start_method('spawn')
    q = mp.Queue()
    ps = [mp.Process(target=scale, args=(i, x, factor, q)) for i, x in enumerate(numbers)]
    for p in ps:
        p.start()
    pairs = dict(q.get() for _ in ps)
    for p in ps:
        p.join()
    return [pairs[i] for i in range(len(numbers))]


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    factor = int(argv[0])
    print(scale_all([int(a) for a in argv[1:]], factor))


if __name__ == '__main__':
    main()
