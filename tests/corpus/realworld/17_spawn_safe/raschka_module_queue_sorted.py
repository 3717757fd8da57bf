"""Source: jay-tyler/paralellism, parallelism-1/part1.py (after Sebastian Raschka's
"An introduction to parallel programming using Python's multiprocessing module"): a module-level
`output = mp.Queue()`; rand_string(length, pos, output) puts (pos, rand_str); the module's top
level (no guard) makes four processes with args (5, x, output), starts them all, joins them
all, then takes one result per process, sorts them and keeps r[1].
Adapted: rand_string(length, pos, output) -> scale(index, number, factor, output) putting
(index, number * factor); the top-level code -> scale_all(numbers, factor), still using the
module-level `output` queue and passing it in args; main(argv) added (reads the factor and the
numbers, prints scale_all) under an `if __name__ == "__main__":` guard.
Expected (teacher, read and run plainly): correct under spawn and forkserver: the queue is
passed in args (a spawn child's own module-level Queue is made and never used), the pairs are
sorted by index, every child joined (joining before getting is safe with pairs this small); a
second call reuses the emptied queue.
Held out, graded once: agreed under fork and spawn.
"""
import multiprocessing as mp
import sys

# Define an output queue
output = mp.Queue()

# define a example function
def scale(index, number, factor, output):
    """Scale a number"""
    output.put((index, number * factor))

def scale_all(numbers, factor):
    # Setup a list of processes that we want to run
    processes = [mp.Process(target=scale, args=(x, n, factor, output)) for x, n in enumerate(numbers)]

    # Running each process
    for p in processes:
        p.start()

    # Exiting each completed process
    for p in processes:
        p.join()

    #
    results = [output.get() for p in processes]
    results.sort()
    results = [r[1] for r in results]
    return results

def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    factor = int(argv[0])
    print(scale_all([int(a) for a in argv[1:]], factor))

if __name__ == "__main__":
    main()
