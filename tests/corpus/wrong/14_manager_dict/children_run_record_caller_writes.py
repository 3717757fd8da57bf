"""Wrong: the children run `record`, but into a dict of their own; the caller writes every pair
into the manager's dict itself."""
from multiprocessing import Manager, Process


def record(d, key, value):
    d[key] = value


def fill_in_manager(pairs):
    with Manager() as manager:
        d = manager.dict()
        procs = [Process(target=record, args=({}, key, value)) for key, value in pairs]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        for key, value in pairs:
            d[key] = value
        return dict(d)
