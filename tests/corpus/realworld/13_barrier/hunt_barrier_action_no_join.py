"""Source: johnehunt/beginnerspython3, chapter44/barriers-app2.py (John Hunt, "A Beginners Guide to
Python 3 Programming"): print_it(msg, barrier) prints for ten seconds, sleeps, then
barrier.wait(); `barrier = Barrier(3, callback)` with an action that prints "Callback Executing";
three Processes started, never joined; "Main - Done". The book's code sits at the top level of the
file.
Adapted: print_it -> phased(barrier, work, i): work(1, i) in place of the printing and sleeping,
barrier.wait(), then work(2, i) in place of the "Returning" print; the top-level lines ->
run_phases(work, n): Barrier(n, callback), n processes started, none joined.
Expected: phased passes; run_phases never joins its processes: run_phases_order and run_phases_two
fail (not joined), fork and spawn."""
from multiprocessing import Barrier, Process


def phased(barrier, work, i):
    print('print_it for:', i)
    work(1, i)
    print('Wait for barrier with:', i)
    barrier.wait()
    work(2, i)


def callback():
    print('\nCallback Executing')


def run_phases(work, n):
    print('Main - Starting')
    barrier = Barrier(n, callback)
    for i in range(n):
        Process(target=phased, args=(barrier, work, i)).start()
    print('Main - Done')
