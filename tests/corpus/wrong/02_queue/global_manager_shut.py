"""Wrong: the queue comes from a Manager made once, on the first call, and kept in a module
global, and shut down at the end of the call. The first call works; a second call in the same
program asks a manager that is no longer there for a new queue and fails."""
from multiprocessing import Manager, Process

STOP = "STOP"
_manager = None


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    global _manager
    if _manager is None:
        _manager = Manager()
    q = _manager.Queue()
    p = Process(target=produce, args=(q, items))
    p.start()
    received = []
    while True:
        item = q.get()
        if item == STOP:
            break
        received.append(item)
    p.join()
    _manager.shutdown()
    return received
