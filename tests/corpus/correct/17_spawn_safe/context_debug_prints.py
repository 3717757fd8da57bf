"""Correct: an explicit get_context("spawn"), a Pipe per child instead of a queue, a module
constant read by the children (set at the top level, so a spawn child has it too), and debug
prints in the children and to stderr."""
import multiprocessing
import os
import sys

CTX = multiprocessing.get_context("spawn")
GREETING = "child"


def scale(index, number, factor, results):
    print(GREETING, os.getpid(), "scaling", number, "by", factor, flush=True)
    results.send((index, number * factor))
    results.close()


def scale_all(numbers, factor):
    print("scale_all: starting", len(numbers), "children", file=sys.stderr)
    ends, children = [], []
    for index, number in enumerate(numbers):
        receiver, sender = CTX.Pipe(duplex=False)
        child = CTX.Process(target=scale, args=(index, number, factor, sender))
        child.start()
        sender.close()
        ends.append(receiver)
        children.append(child)
    values = [receiver.recv()[1] for receiver in ends]
    for child in children:
        child.join()
    return values


def main(argv=None):
    words = sys.argv[1:] if argv is None else argv
    result = scale_all([int(w) for w in words[1:]], int(words[0]))
    print(result)


if __name__ == "__main__":
    main()
