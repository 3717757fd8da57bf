"""Wrong: scale_all hands the factor to its children through a module global it sets while running; a spawn child imports the module afresh and sees the top level's 1."""
import sys
from multiprocessing import Process, Queue


def scale(index, number, factor, results):
    results.put((index, number * factor))


FACTOR = 1


def scale_with_factor(index, number, results):
    scale(index, number, FACTOR, results)


def scale_all(numbers, factor):
    global FACTOR
    FACTOR = factor
    results = Queue()
    children = [Process(target=scale_with_factor, args=(index, number, results))
                for index, number in enumerate(numbers)]
    for child in children:
        child.start()
    pairs = dict(results.get() for _ in children)
    for child in children:
        child.join()
    return [pairs[index] for index in range(len(numbers))]


def main(argv=None):
    words = sys.argv[1:] if argv is None else argv
    print(scale_all([int(word) for word in words[1:]], int(words[0])))


if __name__ == "__main__":
    main()
