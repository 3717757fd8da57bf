"""Source: tamaranesterenko/Python_LR_12-2, LR_12/primer3.py (a lab's Event example): a
module-level `event = Event()`; worker(name) does `event.wait()` then prints; the main clears the
event, starts five workers, prints, then `event.set()`.
Adapted: threading -> multiprocessing (Event, Process); worker(name) -> worker(start, i, results)
still waiting on the module-level `event` (the given `start` unused), then results.put(i); the
main -> start_together(n), which makes the statement's Event and Queue but, like the author, clears
and sets the module-level event.
Expected: a bug: the workers wait on a module-level Event, not the one they were given. fork: the
children share the parent's module-level Event, so start_together returns the numbers (and the
event they waited on was set after all were started), but worker, given the grader's event, waits
for ever on its own: worker_waits deadlocks.
spawn: each child imports the module again and makes an Event of its own that nobody sets: the
workers wait for ever (deadlock)."""
from multiprocessing import Event, Process, Queue

event = Event()


def worker(start, i, results):
    event.wait()
    results.put(i)


def start_together(n):
    start = Event()
    results = Queue()
    event.clear()
    workers = [Process(target=worker, args=(start, i, results)) for i in range(n)]
    for w in workers:
        w.start()

    print("Main thread")
    event.set()
    out = [results.get() for _ in range(n)]
    for w in workers:
        w.join()
    return out
