"""Wrong: returns the proxy itself, which stops working once the manager has shut down."""
from multiprocessing import Manager, Process


def record(d, key, value):
    d[key] = value


def fill_in_manager(pairs):
    with Manager() as manager:
        d = manager.dict()
        procs = [Process(target=record, args=(d, key, value)) for key, value in pairs]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        return d
