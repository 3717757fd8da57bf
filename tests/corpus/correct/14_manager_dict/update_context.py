"""Correct: a spawn context's Manager; record writes with update()."""
import multiprocessing as mp


def record(d, key, value):
    d.update({key: value})


def fill_in_manager(pairs):
    ctx = mp.get_context("spawn")
    with ctx.Manager() as manager:
        shared = manager.dict()
        workers = [ctx.Process(target=record, args=(shared, k, v)) for k, v in pairs]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        result = {}
        for key in shared.keys():
            result[key] = shared[key]
    return result
