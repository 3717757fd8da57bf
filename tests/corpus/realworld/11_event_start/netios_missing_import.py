"""Source: phocean/netios, test/multi-processing-in-python.py (Python 2).
Intent: five processes wait on one Event; the parent sleeps, sets it, then joins them all.
Adapted: Python 2 print statements -> print(); event_func -> worker(start, i, results), which puts
its number after waking; test_event -> start_together(n) (range(5) -> range(n), a Queue to get the
numbers from before the joins). The program never imports time, as in the original.
Expected: worker_waits passed; start_together and start_together_one crashed: time.sleep raises
NameError in the parent after the workers were started (run plainly it fails the same way under
fork, spawn and forkserver, the workers left waiting)."""
import multiprocessing

def worker(event, i, results):
    print('\t%r is waiting' % multiprocessing.current_process())
    event.wait()
    print('\t%r has woken up' % multiprocessing.current_process())
    results.put(i)

def start_together(n):
    event = multiprocessing.Event()
    results = multiprocessing.Queue()

    processes = [multiprocessing.Process(target=worker, args=(event, i, results))
                 for i in range(n)]

    for p in processes:
        p.start()

    print('main is sleeping')
    time.sleep(2)

    print('main is setting event')
    event.set()

    got = [results.get() for p in processes]
    #wait until all processes stop
    for p in processes:
        p.join()
    return got
