"""Source: researchmm/img2poem, issue #13 "AttributeError: Can't pickle local object
'create.<locals>.pipe_process' in WIndow 10" (nn_process.create defines pipe_process inside
create and starts Process(target=pipe_process); the maintainer's fix: move it to the top level).
Adapted: create -> scale_all(numbers, factor), which defines its per-number worker
pipe_process(index, number) inside itself, closing over `factor` and `results`, and calling the
top-level scale(); one process per number, the pairs put back by index, every process joined;
main(argv) parses "factor numbers..." and prints the list; the guard kept.
Expected: a bug under spawn and forkserver (the methods this exercise is graded with):
Process.start() cannot pickle the local function: scale_all fails (error) with a message
naming pipe_process (a local object) at its line; the script run fails the same way; an empty
list starts no process and passes."""
import sys
from multiprocessing import Process, Queue


def scale(index, number, factor, results):
    results.put((index, number * factor))


def scale_all(numbers, factor):
    results = Queue()

    def pipe_process(index, number):
        scale(index, number, factor, results)

    procs = [Process(target=pipe_process, args=(i, x)) for i, x in enumerate(numbers)]
    for proc in procs:
        proc.start()
    out = [None] * len(numbers)
    for _ in procs:
        i, value = results.get()
        out[i] = value
    for proc in procs:
        proc.join()
    return out


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    factor = int(argv[0])
    print(scale_all([int(a) for a in argv[1:]], factor))


if __name__ == "__main__":
    main()
