"""Source: a public GitHub teaching series, "mp10manager.py: Use multiprocessing.Manager." (code
index; same series as mp4start.py): f(d, l) sets d[1] = '1', d['2'] = 2, d[0.25] = None and
reverses l; main() does `with mp.Manager() as mgr:`, d = mgr.dict(), l = mgr.list(range(10)),
starts one Process(target=f, args=(d, l,)), joins it and prints d and l inside the with block.
Adapted: f(d, l) -> record(d, key, value) storing value under key (the fixed keys and the list
reversal dropped: record has no list); main() -> fill_in_manager(pairs): the same with block
and list, one process per pair, each started then joined in the loop, the print kept, and
`return dict(d)` inside the with block.
Expected (teacher, read and run plainly): correct: each key written by a child running record,
a plain dict copied while the manager runs, the manager shut down by the with block, every
child joined (one after another, which the statement allows).
Held out, graded once: agreed under fork and spawn.
"""
import multiprocessing as mp

def record(d, key, value):
    d[key] = value

def fill_in_manager(pairs):
    with mp.Manager() as mgr:
        d = mgr.dict()
        l = mgr.list(range(10))
        for key, value in pairs:
            p = mp.Process(target=record, args=(d, key, value,))
            p.start()
            p.join()

        print(d, l)
        return dict(d)
