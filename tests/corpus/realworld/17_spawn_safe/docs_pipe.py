"""Source: the Python docs' Pipe example, "Exchanging objects between processes",
https://docs.python.org/3/library/multiprocessing.html#exchanging-objects-between-processes
(f(conn) sends [42, None, 'hello'] and closes conn; the `__main__` block makes
parent_conn, child_conn = Pipe(), starts Process(target=f, args=(child_conn,)), prints
parent_conn.recv(), then joins).
Intent: a top-level target that gets its end of the pipe in args, under the guard.
Adapted: f -> scale(index, number, factor, conn), sending number * factor instead of the
list (index unused: one pipe per child keeps the order); the `__main__` block's body ->
scale_all (one Pipe and one Process per number, recv() before join kept) and main().
Expected: passed under spawn and forkserver (run plainly: `python file.py 10 1 2 3` prints
[10, 20, 30])."""
import sys
from multiprocessing import Process, Pipe


def scale(index, number, factor, conn):
    conn.send(number * factor)
    conn.close()


def scale_all(numbers, factor):
    pairs = [Pipe() for _ in numbers]
    ps = [Process(target=scale, args=(i, n, factor, child_conn))
          for i, (n, (parent_conn, child_conn)) in enumerate(zip(numbers, pairs))]
    for p in ps:
        p.start()
    got = [parent_conn.recv() for parent_conn, child_conn in pairs]
    for p in ps:
        p.join()
    return got


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    print(scale_all([int(a) for a in argv[1:]], int(argv[0])))


if __name__ == '__main__':
    main()
