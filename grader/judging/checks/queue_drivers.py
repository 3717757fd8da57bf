"""02_queue's drivers: they run inside the scenario, next to the student's module, where
pytest may not be installed (a scenario's own user's Python), so they live apart from the
tests (test_queue.py) and import only what the runner has."""
import multiprocessing

from grader.engine.values import describe


def consume(q, proc):
    """Get everything `proc` puts on `q`, without ever waiting on a process that has died."""
    from multiprocessing.connection import wait

    got = []
    while True:
        ready = wait([q._reader, proc.sentinel])
        if q._reader in ready:
            got.append(q.get())
            if got[-1] == "STOP":
                return got
        elif not q._reader.poll():
            return got


def produce_in_a_child(run, items):
    """Driver (runs next to the student's module): start produce(q, items) in a child and
    get what it puts on the queue."""
    q = multiprocessing.Queue()
    proc = multiprocessing.Process(target=run.module.produce, args=(q, items))
    proc.start()
    got = consume(q, proc)
    proc.join()
    return {"got": describe(got), "stop": getattr(run.module, "STOP", None)}
