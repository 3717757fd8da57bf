"""Wrong: a try-out line left at the top level starts processes whenever the module is imported; under spawn each child imports it again and its start fails (bootstrapping phase)."""
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
    pairs = dict(results.get() for _ in children)
    for child in children:
        child.join()
    return [pairs[index] for index in range(len(numbers))]


def main(argv=None):
    words = sys.argv[1:] if argv is None else argv
    print(scale_all([int(word) for word in words[1:]], int(words[0])))


print(scale_all([1, 2], 3))
