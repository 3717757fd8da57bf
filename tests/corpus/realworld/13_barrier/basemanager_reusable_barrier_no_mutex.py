"""Source: a public GitHub file (code index id 15573202170), "Example of reusable barrier
implemented with semaphores" (by the author of basemanager_semaphore_barrier.py: a Barrier class
with mutexIn, mutexOut and barrier Semaphores, registered at the top level of the module with a
BaseManager subclass, `MyManager.register('bar', Barrier)`; two processes each wait at one
instance through a proxy four times; both joined). Its wait() begins with `self.mutex.acquire()`,
but __init__ makes no `self.mutex` (only mutexIn and mutexOut).
Adapted: func1 and func2 (the same body, different sleeps) -> phased(barrier, work, i): the sleep
-> work(1, i), the author's loop of four rounds -> one round, work(2, i) after the wait; the
__main__ block -> run_phases(work, n): n processes instead of two, `manager.bar(n)` instead of
`bar(2)`; Python 2 print statements -> print(...).
Expected: a bug: every worker's b.wait() runs Barrier.wait in the manager's process, which raises
AttributeError: 'Barrier' object has no attribute 'mutex'; the proxy raises it again in the
worker, which dies there, before its phase 2. run_phases_order and run_phases_two crash under
fork, spawn and forkserver (run plainly: each worker prints the AttributeError traceback, exit
code 1, and no phase 2 runs). phased_calls passes: given the grader's own barrier, phased does
its phases around barrier.wait().
"""
import time
from multiprocessing import Process, Semaphore
from multiprocessing.managers import BaseManager


class Barrier:
    def __init__(self, n):
        self.n = n # make equal to the number of threads that need to adhere to the barrier.
        self.count = 0 # number of threads having reached the barrier.
        self.mutexIn = Semaphore(1) # this one is initialized as 'availalble'.
        self.mutexOut = Semaphore(1)
        self.barrier = Semaphore(0) # this one is initialized as 'blocked'.

    def wait(self):
        self.mutex.acquire() # mutex is used to make sure that only one thread can increment the counter at a time.
        self.count += 1 # another thread has reached the barrier.
        print('Barrier count incremented to: {}'.format(self.count))

        if self.count == self.n: # if all the threads are at the barrier (i.e. the one executing is the last one).
            print('had count equal n')
            self.barrier.release() # release barrier so that one other thread can pass the barrier.acqurire() below.
            # (and in this case, keep the mutex blocked.)
        else:
            self.mutex.release() # let other threads pass the mutex.acquire() at the beginning and increment the count.

        print('about to acquire barrier')
        self.barrier.acquire() # this is where all threads will wait until the release in the if statement above is executed.
        self.count -= 1 # one less thread is still at the barrier (before releasing, so only one at a time here)
        print('about to release barrier')
        self.barrier.release() # whenever getting past the acquire, re-release so that another thread can get by (cascade of releases).
        if self.count == 0: # if all the threads have gotten past the barrier (i.e. the one executing is the last one).
            self.barrier.acquire() # block the barrier again so that the next time around the threads don't get past it.
            self.mutex.release() # allow the barrier to be re-used: now a thread can reach the counter increment (this has been blocked since count reached the value n.)
            print('barrier reset \n')


class MyManager(BaseManager):
    pass

MyManager.register('bar',Barrier)


def phased(b, work, i):
    print('Entered Func1')
    work(1, i)
    print('Func1 done sleeping: {}'.format(i))
    #
    b.wait()
    #
    print('func1 past barrier: {}'.format(i))
    work(2, i)
    return


def run_phases(work, n):
    manager = MyManager()
    manager.start()

    b = manager.bar(n)

    processes = [Process(target=phased, args=(b, work, i)) for i in range(n)]

    for p in processes:
        p.start()

    for p in processes:
        p.join()
