"""Wrong: scale_all keeps the values in the order the children's pairs arrive, ignoring the
index each pair carries. It passes whenever the children happen to finish in order; the grader
makes the first child's pair arrive last, so it is caught every time."""
import sys
from multiprocessing import Process, Queue


def scale(index, number, factor, results):
    results.put((index, number * factor))


def scale_all(numbers, factor):
    results = Queue()
    children = [Process(target=scale, args=(index, number, factor, results))
                for index, number in enumerate(numbers)]
    for child in children:
        child.start()
    values = [results.get()[1] for _ in children]  # in the order they arrive
    for child in children:
        child.join()
    return values


def main(argv=None):
    words = sys.argv[1:] if argv is None else argv
    factor, numbers = int(words[0]), [int(word) for word in words[1:]]
    print(scale_all(numbers, factor))


if __name__ == "__main__":
    main()
