"""Source: Doug Hellmann, PyMOTW-3 "multiprocessing", multiprocessing_event.py, as copied in
jincurry/standard_Library_Learn, concurrency/multiprocessing/multiprocessing_event.py:
wait_for_event(e) prints, e.wait(), prints e.is_set(); the main starts the waiting process,
sleeps, then e.set().
Adapted: wait_for_event -> worker(start, i, results) (e.wait() kept, the print of is_set() kept,
then results.put(i)); the main -> start_together(n): one Event, one Queue, n workers named
'block', the author's time.sleep(3) cut to 0.1 s, e.set(), the numbers got, every worker joined.
(The author's second, non-blocking waiter with e.wait(t) dropped.)
Expected: passed under fork and spawn."""
import multiprocessing
import time


def worker(start, i, results):
    print('wait for event: starting')
    start.wait()
    print('wait for event: e.is_set()->', start.is_set())
    results.put(i)


def start_together(n):
    e = multiprocessing.Event()
    results = multiprocessing.Queue()
    ws = [multiprocessing.Process(name='block', target=worker, args=(e, i, results))
          for i in range(n)]
    for w in ws:
        w.start()

    print('Main: waiting before calling Event.set()')
    time.sleep(0.1)
    e.set()
    print('Main: event is set')
    out = [results.get() for _ in range(n)]
    for w in ws:
        w.join()
    return out
