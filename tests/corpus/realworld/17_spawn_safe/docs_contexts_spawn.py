"""Source: the Python docs' example for "Contexts and start methods",
https://docs.python.org/3/library/multiprocessing.html#contexts-and-start-methods
(foo(q) puts 'hello' on a Queue; the `__main__` block calls mp.set_start_method('spawn'),
starts Process(target=foo, args=(q,)), prints q.get(), then joins).
Intent: a program written for spawn: a top-level target, its queue passed in args, the
start method chosen and the processes started only under `if __name__ == '__main__':`.
Adapted: foo -> scale(index, number, factor, q), putting (index, number * factor) instead of
'hello'; the `__main__` block's body -> scale_all (one process per number, q.get() before
p.join() kept) and main(), which keeps mp.set_start_method('spawn') and the print.
Expected: passed under spawn and forkserver (run plainly: `python file.py 10 1 2 3` prints
[10, 20, 30])."""
import multiprocessing as mp
import sys


def scale(index, number, factor, q):
    q.put((index, number * factor))


def scale_all(numbers, factor):
    q = mp.Queue()
    ps = [mp.Process(target=scale, args=(i, n, factor, q)) for i, n in enumerate(numbers)]
    for p in ps:
        p.start()
    got = dict(q.get() for p in ps)
    for p in ps:
        p.join()
    return [got[i] for i in range(len(numbers))]


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    mp.set_start_method('spawn')
    print(scale_all([int(a) for a in argv[1:]], int(argv[0])))


if __name__ == '__main__':
    main()
