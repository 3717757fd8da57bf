"""Source: a public GitHub file of a deep-learning library tester (code index id 36159388083:
classes with prepare() and compute(layer_idx) storing inputs and predictions in Redis).
compute() loops over the inputs: for each i it builds a command cmd_1, then
`p1 = Process(target=lambda: os.system(cmd_1))`, `p1.start()`, `P.append(p1)`; after the loop
`for p in P: p.join()`, then it loads each prediction back by its index i from Redis.
Adapted: the loop -> scale_all(numbers, factor): for each index i, `number = numbers[i]` (where
the author built cmd_1), `p1 = Process(target=lambda: scale(i, number, factor, results))`,
start, append; every process joined; then one pair per process from a Queue, put back by index
(where the author read Redis by index); scale(index, number, factor, results) puts
(index, number * factor); main(argv) parses "factor numbers..." and prints the list; the
guard added.
Expected: a bug under spawn and forkserver (the methods this exercise is graded with): start()
cannot pickle the lambda (AttributeError: Can't pickle local object
'scale_all.<locals>.<lambda>'), so scale_all, scale_all_mixed and script crash at the start()
line; an empty list starts nothing and passes. Run plainly: under fork
scale_all([1, 2, 3], 10) returned [10, 20, 30] (each lambda runs at once in its forked copy,
with that iteration's i and number); under spawn and forkserver it raised the AttributeError at
p1.start()."""
import sys
from multiprocessing import Process, Queue


def scale(index, number, factor, results):
    results.put((index, number * factor))


def scale_all(numbers, factor):
    results = Queue()
    P = []
    for i in range(len(numbers)):
        number = numbers[i]
        p1 = Process(target=lambda: scale(i, number, factor, results))
        p1.start()
        P.append(p1)

    for p in P:
        p.join()

    pairs = dict(results.get() for _ in P)
    return [pairs[i] for i in range(len(numbers))]


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    factor = int(argv[0])
    print(scale_all([int(a) for a in argv[1:]], factor))


if __name__ == "__main__":
    main()
