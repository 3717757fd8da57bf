"""Source: SuperFastPython.com, "example of using an event object with processes" (as copied in
a public GitHub file, code index id 25833989732): task(shared_event, number) prints that it is
waiting, `shared_event.wait()`, then sleeps random() seconds and prints `Process {number} got
{value}`; the main block creates one Event, five Processes, starts them all, prints 'Main
process blocking...', sleeps 2 s, calls event.set() and joins every process.
Adapted: task(shared_event, number) -> worker(start, i, results), putting i on results after its
random sleep (its prints kept); the main block -> start_together(n): range(n) instead of 5, a
Queue, the n numbers got before the joins, returned in the order they arrived; both sleeps kept.
Expected: passed under fork and spawn (one event, set after every start(), numbers read before
the joins); each call takes about 2 to 3 s.
Held out, graded once: agreed under fork and spawn."""
from time import sleep
from random import random
from multiprocessing import Process
from multiprocessing import Event
from multiprocessing import Queue


# custom function to be executed in a child process
def worker(start, i, results):
    # wait for the event to be set
    print(f'Process {i} waiting...', flush=True)
    start.wait()
    # begin processing, generate a random number
    value = random()
    # block for a fraction of a second
    sleep(value)
    # report a message
    print(f'Process {i} got {value}', flush=True)
    results.put(i)


def start_together(n):
    # create a shared event object
    event = Event()
    results = Queue()
    # create a suite of processes
    processes = [Process(target=worker,
        args=(event, i, results)) for i in range(n)]
    # start all processes
    for process in processes:
        process.start()
    # block for a moment
    print('Main process blocking...')
    sleep(2)
    # trigger all child processes
    event.set()
    numbers = [results.get() for _ in range(n)]
    # wait for all child processes to terminate
    for process in processes:
        process.join()
    return numbers
