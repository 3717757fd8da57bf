"""Source: a public GitHub file (code index id 14968162477), "Example of single-use barrier
implemented with semaphores": a Barrier class (a count, a mutex Semaphore(1) and a barrier
Semaphore(0): the n-th arrival releases the barrier and each one through releases it again)
registered with a BaseManager subclass (`MyManager.register('bar', Barrier)`), so that one
instance lives in the manager's process and every worker calls wait() on it through a proxy; two
processes each sleep, print, wait at it and print again; both joined.
Adapted: func1 and func2 (the same body, different sleeps) -> phased(barrier, work, i), with
work(1, i) in place of the sleep and work(2, i) after the wait; the __main__ block ->
run_phases(work, n): n processes instead of two, `manager.bar(n)` instead of `bar(2)`; Python 2
`print '...'.format(...)` -> print(...). The manager is not shut down explicitly (as the author
has it): it is shut down when run_phases returns and the last reference to it goes.
Expected: correct: one barrier for all n workers (in the manager's process, reached through
proxies), no worker's phase 2 before every phase 1 has ended, every worker joined: passed under
fork, spawn and forkserver (no multiprocessing.Barrier at all: the statement judges the order of
the phases' work).
"""
import time
from multiprocessing import Process, Semaphore
from multiprocessing.managers import BaseManager


class Barrier:
    def __init__(self, n):
        self.n = n # make equal to the number of threads that need to adhere to the barrier.
        self.count = 0 # number of threads having reached the barrier.
        self.mutex = Semaphore(1) # this one is initialized as 'availalble'.
        self.barrier = Semaphore(0) # this one is initialized as 'blocked'.

    def wait(self):
        self.mutex.acquire() # mutex is used to make sure that only one thread can increment the counter at a time.
        self.count += 1 # another thread has reached the barrier.
        print('Barrier count incremented to: {}'.format(self.count))
        if self.count == self.n: # if all the threads are at the barrier (i.e. the one executing is the last one).
            print('had count equal n')
            self.barrier.release() # release barrier so that one other thread can pass the barrier.acqurire() below.
        self.mutex.release() # let other threads pass the mutex.acquire() at the beginning and increment the count.
        print('about to acquire barrier')
        self.barrier.acquire() # this is where all threads will wait until the release in the if statement above is executed.
        print('about to release barrier')
        self.barrier.release() # whenever getting past the acquire, re-release so that another thread can get by (cascade of releases).


class MyManager(BaseManager):
    pass


def phased(b, work, i):
    print('Entered Func1')
    work(1, i)
    print('Func1 done sleeping')
    #
    b.wait()
    #
    print('func1 past barrier')
    work(2, i)
    return


def run_phases(work, n):
    # Some people write this outside of main(), but it works here, too.
    MyManager.register('bar', Barrier) # need to set up a custom object to be shared
    manager = MyManager()
    manager.start()
    b = manager.bar(n) # create the shared barrier object.

    processes = [Process(target=phased, args=(b, work, i)) for i in range(n)]

    for p in processes:
        p.start()

    for p in processes:
        p.join()
