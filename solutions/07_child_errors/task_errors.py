"""Exercise 07: report errors in child processes to the parent.

An exception raised in a child process stays in the child: the child prints
its traceback and ends with exit code 1, and the parent sees nothing but
that number. To hand the error itself to the parent, the child catches it
and sends a description over a Queue, just like a result. The exit code is
still worth reading, but only after ``join()``.
"""

from multiprocessing import Process, Queue


def run_task(results, index, func, arg):
    """Run ``func(arg)`` and put the outcome on ``results``, an exception included.

    Parameters
    ----------
    results : multiprocessing.Queue
        Where to put the outcome.
    index : int
        The task's number, sent back with its outcome.
    func : callable
        A top-level function of one argument.
    arg : object
        Its argument.

    Returns
    -------
    None
        Puts ``(index, True, value)`` if ``func(arg)`` returned ``value``, or
        ``(index, False, "<ExceptionType>: <message>")`` if it raised an exception.

    Example
    -------
    >>> results = Queue()
    >>> run_task(results, 0, int, "12")
    >>> run_task(results, 1, int, "x")
    >>> results.get(), results.get()
    ((0, True, 12), (1, False, "ValueError: invalid literal for int() with base 10: 'x'"))
    """
    ### BEGIN SOLUTION: call func(arg) inside try/except Exception; put (index, True, value) or (index, False, "Type: message")
    try:
        value = func(arg)
    except Exception as exc:
        results.put((index, False, "%s: %s" % (type(exc).__name__, exc)))
    else:
        results.put((index, True, value))
    ### END SOLUTION


def run_all(func, args):
    """Run ``func`` on each argument in a process of its own; return the values, or the errors.

    Parameters
    ----------
    func : callable
        A top-level function of one argument.
    args : list
        One argument per task.

    Returns
    -------
    list
        Item i is ``func(args[i])``, or the string ``"<ExceptionType>: <message>"`` if
        that call raised an exception.

    Example
    -------
    >>> run_all(int, ["12", "x", "7"])
    [12, "ValueError: invalid literal for int() with base 10: 'x'", 7]
    """
    ### BEGIN SOLUTION: start one Process running run_task(results, i, func, arg) per argument, get one outcome per task, put each in its place, join them all
    results = Queue()
    processes = [Process(target=run_task, args=(results, i, func, arg)) for i, arg in enumerate(args)]
    for p in processes:
        p.start()
    answers = [None] * len(args)
    for _ in args:  # the outcomes arrive in any order: the index says where each goes
        index, ok, payload = results.get()
        answers[index] = payload
    for p in processes:
        p.join()
    return answers
    ### END SOLUTION


def exit_codes(func, args):
    """Run ``func(arg)`` in a process of its own for each argument, uncaught; return the exit codes.

    Parameters
    ----------
    func : callable
        A top-level function of one argument.
    args : list
        One argument per process.

    Returns
    -------
    list of int
        Item i is the exit code of the process that ran ``func(args[i])``: 0 if it returned,
        1 if it raised an exception, n if it called ``sys.exit(n)``.

    Example
    -------
    >>> import sys
    >>> exit_codes(sys.exit, [0, 3])
    [0, 3]
    >>> exit_codes(int, ["12", "x"])  # int("x") raises ValueError in the child
    [0, 1]
    """
    ### BEGIN SOLUTION: start one Process(target=func, args=(arg,)) per argument, join them all, then read each exitcode
    processes = [Process(target=func, args=(arg,)) for arg in args]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return [p.exitcode for p in processes]  # None until joined
    ### END SOLUTION


if __name__ == "__main__":
    print(run_all(int, ["12", "x", "7"]))
    print(exit_codes(int, ["12", "x"]))
