"""Wrong: scale_all sets the start method itself. The first call works; the second call in the
same program raises RuntimeError: context has already been set."""
import multiprocessing
import sys
from multiprocessing import Process, Queue


def scale(index, number, factor, results):
    results.put((index, number * factor))


def scale_all(numbers, factor):
    multiprocessing.set_start_method("spawn")
    results = Queue()
    children = [Process(target=scale, args=(index, number, factor, results))
                for index, number in enumerate(numbers)]
    for child in children:
        child.start()
    pairs = dict(results.get() for _ in children)
    for child in children:
        child.join()
    return [pairs[index] for index in range(len(numbers))]


def main(argv=None):
    words = sys.argv[1:] if argv is None else argv
    factor, numbers = int(words[0]), [int(word) for word in words[1:]]
    print(scale_all(numbers, factor))


if __name__ == "__main__":
    main()
