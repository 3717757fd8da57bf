"""Source: JimEverest/python-threads-n-processes, Thread/event1.py (after PyMOTW): two waiters,
wait_for_event(e) with e.wait() and wait_for_event_time(e, t) with e.wait(t), which goes on after
t seconds whether or not the event was set ("non-block", t = 2); the main sleeps 3 s, then
e.set().
Adapted: wait_for_event_time(e, t) -> worker(start, i, results): start.wait(2) (the author's t),
the print of is_set() kept, then results.put(i); the main -> start_together(n): one Event, one
Queue, n such workers, e.set() once all are started (the 3 s sleep dropped), the numbers got,
every worker joined.
Expected: a bug: a worker whose wait times out puts its number although the event was never
set; it only works while the parent sets the event within 2 s. worker_waits must fail (the
statement: it puts its number only after the parent has set the event); start_together passes
when the parent is quick. If the grader passes worker_waits, its help (setting the event as soon
as the worker waits) hides the bug.
Verdict expected (decided before grading): worker_waits failed: the worker's start.wait(2) gives up after 2 s and it puts its number with the event unset.
Before the fix (a held-out program of issue 26), the grader said: fork and spawn: all 3 scenarios passed.
The diagnosis then: the grader's help hides the bug (issue 26): its set() waits until the worker is waiting and then sets at once, so a wait with a timeout never times out. A scenario that leaves the event unset longer than a worker's timeout (or checks that wait() was called without one) would catch it."""
import multiprocessing


def worker(start, i, results):
    print("wait for timeout: starting")
    start.wait(2)
    print("wait for event timeout is_set: ", str(start.is_set()))
    results.put(i)


def start_together(n):
    e = multiprocessing.Event()  # create an event
    results = multiprocessing.Queue()
    ws = [multiprocessing.Process(name='non-block', target=worker, args=(e, i, results))
          for i in range(n)]
    for w in ws:
        w.start()
    e.set()
    print("main event is set")
    out = [results.get() for _ in range(n)]
    for w in ws:
        w.join()
    return out
