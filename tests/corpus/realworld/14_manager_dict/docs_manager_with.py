"""Source: the Python docs, multiprocessing, "Sharing state between processes" / "Server process"
example: `with Manager() as manager: d = manager.dict(); l = manager.list(range(10)); p =
Process(target=f, args=(d, l)); p.start(); p.join(); print(d); print(l)`.
Adapted: f(d, l) -> record(d, key, value) (d[key] = value; the list dropped); the with block ->
fill_in_manager(pairs): one process per pair, all started then all joined, and
`return dict(d)` inside the with block (in place of print(d)).
Expected: passed under fork and spawn."""
from multiprocessing import Process, Manager


def record(d, key, value):
    d[key] = value


def fill_in_manager(pairs):
    with Manager() as manager:
        d = manager.dict()

        ps = [Process(target=record, args=(d, k, v)) for k, v in pairs]
        for p in ps:
            p.start()
        for p in ps:
            p.join()

        return dict(d)
