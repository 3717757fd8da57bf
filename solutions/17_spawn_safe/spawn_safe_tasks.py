"""Exercise 17: write code that works under spawn.

Under the fork start method (Linux's default up to Python 3.13) a child is a copy of its parent:
it has every variable and function the parent had at that moment. Under spawn (the only method
on Windows, the default on macOS) and forkserver (Linux's default from Python 3.14) a child is
a fresh Python interpreter: it imports your module again, from its file, then unpickles its
target and its arguments. Three rules follow:

* the target must be a function defined at the top level of the module, which the child finds
  by its name: not a lambda, not a function defined inside another function;
* whatever the child needs travels in ``args``: a module global that the parent set while it
  was running is not in the child, which only ran the module's top-level code;
* a file run as a script starts its processes only under ``if __name__ == "__main__":``, since
  every child runs the file's top level again and must not start processes of its own.
"""
import sys
from multiprocessing import Process, Queue


def scale(index, number, factor, results):
    """Put the pair ``(index, number * factor)`` on the queue ``results``: one child's work.

    Parameters
    ----------
    index : int
        Where ``number`` stands in the caller's list.
    number : int or float
        The number to scale.
    factor : int or float
        What to multiply it by.
    results : multiprocessing.Queue
        Where the pair goes.

    Returns
    -------
    None
        The answer travels on ``results``.

    Example
    -------
    >>> results = Queue()
    >>> scale(2, 7, 10, results)
    >>> results.get()
    (2, 70)
    """
    ### BEGIN SOLUTION: put the pair (index, number * factor) on results
    results.put((index, number * factor))
    ### END SOLUTION


def scale_all(numbers, factor):
    """Multiply every number by ``factor``, each in a child process of its own.

    Parameters
    ----------
    numbers : list of int or float
        The numbers to scale, one child each.
    factor : int or float
        What to multiply them by; the children get it as an argument.

    Returns
    -------
    list
        ``[number * factor for number in numbers]``, in the order of ``numbers``, each
        computed by a child running ``scale``. Every child has been joined.

    Example
    -------
    >>> scale_all([1, 2, 3], 10)
    [10, 20, 30]
    """
    ### BEGIN SOLUTION: start one Process(target=scale, args=(index, number, factor, results)) per number, get one pair per child, join every child, return the values in the order of numbers
    results = Queue()
    children = [Process(target=scale, args=(index, number, factor, results))
                for index, number in enumerate(numbers)]
    for child in children:
        child.start()
    pairs = dict(results.get() for _ in children)
    for child in children:
        child.join()
    return [pairs[index] for index in range(len(numbers))]
    ### END SOLUTION


def main(argv=None):
    """The script: ``python spawn_safe_tasks.py FACTOR NUMBER...`` prints the scaled numbers.

    Parameters
    ----------
    argv : list of str, optional
        The command line's arguments after the script's name (``sys.argv[1:]`` when None):
        the factor first, then the numbers, all whole numbers.

    Returns
    -------
    None
        It prints one line: the list ``scale_all`` returns.

    Example
    -------
    >>> main(["10", "1", "2", "3"])
    [10, 20, 30]
    """
    ### BEGIN SOLUTION: read the factor and the numbers from argv (sys.argv[1:] when it is None) as ints, print scale_all(numbers, factor)
    words = sys.argv[1:] if argv is None else argv
    factor, numbers = int(words[0]), [int(word) for word in words[1:]]
    print(scale_all(numbers, factor))
    ### END SOLUTION


# Run as a script, this file calls main(); imported (by a spawn child, or by the grader), it
# only defines its functions. Keep this guard: without it every child would run main() again.
if __name__ == "__main__":
    main()
