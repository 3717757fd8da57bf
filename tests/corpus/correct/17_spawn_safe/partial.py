"""Correct: the target is functools.partial of the top-level scale (picklable: it names the
function and carries the factor and the queue); results are read with a for loop."""
import functools
import sys
from multiprocessing import Process, Queue


def scale(index, number, factor, results):
    results.put((index, number * factor))


def scale_all(numbers, factor):
    results = Queue()
    children = []
    for index, number in enumerate(numbers):
        task = functools.partial(scale, factor=factor, results=results)
        child = Process(target=task, args=(index, number))
        child.start()
        children.append(child)
    answers = [None] * len(numbers)
    for _ in numbers:
        index, value = results.get()
        answers[index] = value
    for child in children:
        child.join()
    return answers


def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    factor = int(argv[0])
    print(scale_all([int(word) for word in argv[1:]], factor))


if __name__ == "__main__":
    main()
