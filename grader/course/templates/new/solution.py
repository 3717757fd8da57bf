"""@@folder: @@title. The reference solution: `mpkit stubs` makes the student's file,
exercises/@@folder/@@module.py, from it (each SOLUTION block becomes a TODO)."""
from multiprocessing import Process, Queue


def square(x, q):
    """Put x * x on the queue q. (MPKIT-TODO: replace this example with your exercise.)"""
    ### BEGIN SOLUTION: put x * x on q
    q.put(x * x)
    ### END SOLUTION


def square_in_child(x):
    """Start a process running square(x, q), get its answer from q, join it, return it."""
    ### BEGIN SOLUTION: start a process running square, get its answer, join it
    q = Queue()
    p = Process(target=square, args=(x, q))
    p.start()
    answer = q.get()
    p.join()
    return answer
    ### END SOLUTION
