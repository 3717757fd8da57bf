"""Source: the widely copied CSDN example "Python multiprocessing: getting return values"
(blog.csdn.net/springlustre/article/details/88703947), as found in a public GitHub file (code
index id 30222781411): worker(k, q) computes a number and does q.put(t); do() starts ten
Process(target=worker, args=(str(i), q)), joins them all, then takes
`results = [q.get() for j in jobs]` and prints it; do() is called under the __main__ guard.
Another copy of the same code (code index id 32058236358) notes in Chinese that "the results
got this way are unordered".
Adapted: worker(k, q) -> scale(index, number, factor, results), which puts the pair
(index, number * factor) as the exercise asks; do() -> scale_all(numbers, factor), one process
per number, every process joined, then one get() per process, keeping each value in the order
it came off the queue (the index is dropped, as the author had none); main(argv) parses
"factor numbers..." and prints scale_all's list; the guard kept.
Expected: a bug: the values are returned in the order the children finished, not in the order
of numbers. Run plainly (scale_all([1, 2, 3], 10), 6 calls under each of fork, spawn and
forkserver on a busy 2-core machine) it came back as [10, 20, 30] in 2 of 6 calls under fork, 1
of 6 under spawn and none under forkserver; the others held the right values in another order
([20, 10, 30], [30, 10, 20]...). With the grader's late first child: scale_all,
scale_all_mixed and script fail (the right values in the wrong order); an empty list passes.
Joining before get() is harmless here (small pairs)"""
import sys
import multiprocessing


def scale(index, number, factor, results):
    results.put((index, number * factor))


def scale_all(numbers, factor):
    q = multiprocessing.Queue()
    jobs = []
    for i, number in enumerate(numbers):
        p = multiprocessing.Process(target=scale, args=(i, number, factor, q))
        jobs.append(p)
        p.start()

    for p in jobs:
        p.join()

    results = [q.get()[1] for j in jobs]
    return results


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    factor = int(argv[0])
    print(scale_all([int(a) for a in argv[1:]], factor))


if __name__ == '__main__':
    main()
