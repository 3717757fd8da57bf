"""Source: diegomartinez2/DMG, multiprocess_dictionary.py.
Intent: a Manager's dict filled by the workers of the Manager's own Pool (manager.Pool()):
each worker writes a greeting under its pid; the dict is printed as a plain dict inside
`with mp.Manager() as manager`.
Adapted: f(d) -> record(d, key, value), which stores value under key; the `__main__` block ->
fill_in_manager(pairs): pool.map(f, repeat(d, 10)) -> pool.starmap(record, one tuple per pair),
and the plain dict returned instead of printed.
Expected: fill_from_children failed: every pair is written, but by the Manager's Pool's workers,
not by one process per pair that the student's code started (the statement asks for that)."""
import multiprocessing as mp


def record(d, key, value):
    d[key] = value


def fill_in_manager(pairs):
    with mp.Manager() as manager:
        d = manager.dict()
        with manager.Pool() as pool:
            pool.starmap(record, [(d, key, value) for key, value in pairs])
        # `d` is a DictProxy object that can be converted to dict
        return dict(d)
