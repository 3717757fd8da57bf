"""Wrong: the file calls main() at its top level, without `if __name__ == "__main__":`, so importing it runs the script (and under spawn every child would run it again)."""
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


main()
