"""Wrong: the children are started, but the caller writes every pair itself."""
from multiprocessing import Manager, Process


def record(d, key, value):
    d[key] = value


def idle(d):
    pass


def fill_in_manager(pairs):
    with Manager() as manager:
        d = manager.dict()
        procs = [Process(target=idle, args=(d,)) for _ in pairs]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        for key, value in pairs:
            record(d, key, value)
        return dict(d)
