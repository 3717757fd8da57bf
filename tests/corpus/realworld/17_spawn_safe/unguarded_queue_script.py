"""Source: a public GitHub file (code index, "producer(q:Queue)->None" / "consumer(q:Queue)"):
the script makes `queue = Queue()` and two Processes at the top level of the file, starts and
joins them, with no `if __name__ == "__main__":` guard.
Adapted: producer -> scale(index, number, factor, results) putting (index, number * factor);
the top-level code -> scale_all(numbers, factor) (one process per number, one pair got each,
joined, put back by index) plus main(argv), and the author's top-level lines kept as a
top-level call `main(["10", "1", "2", "3"])` with no guard.
Expected: a bug under spawn and forkserver (the only methods this exercise uses): every child
imports the file again and runs the top-level main(), starting processes while bootstrapping
(RuntimeError): every scenario fails, with the message naming the top-level code at its line."""
import sys
from multiprocessing import Process, Queue


def scale(index, number, factor, results):
    results.put((index, number * factor))


def scale_all(numbers, factor):
    results = Queue()
    ps = [Process(target=scale, args=(i, x, factor, results)) for i, x in enumerate(numbers)]
    for p in ps:
        p.start()
    out = [None] * len(numbers)
    for _ in ps:
        i, v = results.get()
        out[i] = v
    for p in ps:
        p.join()
    return out


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    factor, numbers = int(argv[0]), [int(a) for a in argv[1:]]
    print(scale_all(numbers, factor))


main(["10", "1", "2", "3"])
