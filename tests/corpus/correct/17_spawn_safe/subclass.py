"""Correct: a Process subclass that carries its number and factor as attributes (pickled
with it under spawn), and a main() that takes its arguments from argparse."""
import argparse
import multiprocessing


def scale(index, number, factor, results):
    results.put((index, number * factor))


class Scaler(multiprocessing.Process):
    def __init__(self, index, number, factor, results):
        super().__init__()
        self.index, self.number, self.factor, self.results = index, number, factor, results

    def run(self):
        scale(self.index, self.number, self.factor, self.results)


def scale_all(numbers, factor):
    results = multiprocessing.Queue()
    workers = [Scaler(i, n, factor, results) for i, n in enumerate(numbers)]
    for worker in workers:
        worker.start()
    got = sorted(results.get() for _ in workers)
    for worker in workers:
        worker.join()
    return [value for _, value in got]


def main(argv=None):
    parser = argparse.ArgumentParser(description="scale numbers in child processes")
    parser.add_argument("factor", type=int)
    parser.add_argument("numbers", type=int, nargs="*")
    args = parser.parse_args(argv)
    print(scale_all(args.numbers, args.factor))


if __name__ == "__main__":
    main()
