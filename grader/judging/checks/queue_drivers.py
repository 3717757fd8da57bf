"""02_queue's drivers: they run inside the scenario, next to the student's module, where
pytest may not be installed (a scenario's own user's Python), so they live apart from the
tests (test_queue.py) and import only what the runner has."""
import multiprocessing

from grader.engine.values import describe
from grader.judging.driving import drain


def produce_in_a_child(run, items):
    """Driver (runs next to the student's module): start produce(q, items) in a child and
    get what it puts on the queue."""
    q = multiprocessing.Queue()
    proc = multiprocessing.Process(target=run.module.produce, args=(q, items))
    proc.start()
    got = drain(q, proc, "STOP")
    proc.join()
    return {"got": describe(got), "stop": getattr(run.module, "STOP", None)}


def collect_twice(run, items, label):
    """Driver: collect(items) twice in one program, as a program may call it (a start method
    set inside it, or a Manager kept in a global and shut down, fails the second time)."""
    for _ in range(2):
        run.call("collect", list(items), label=label)
    return {}
