"""Correct: a spawn context, keyword arguments, debug prints in the children and the caller."""
import multiprocessing as mp
import os


def run_task(results, index, func, arg):
    print("task", index, "in", os.getpid(), flush=True)
    try:
        value = func(arg)
    except Exception as exc:
        print("task", index, "failed:", exc, flush=True)
        results.put((index, False, f"{type(exc).__name__}: {exc}"))
        return
    results.put((index, True, value))


def run_all(func, args):
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    procs = [ctx.Process(target=run_task, kwargs=dict(results=results, index=i, func=func, arg=a))
             for i, a in enumerate(args)]
    for p in procs:
        p.start()
    answers = [None] * len(args)
    for _ in range(len(args)):
        index, ok, payload = results.get()
        print("got", index, "ok" if ok else "error")
        answers[index] = payload
    for p in procs:
        p.join()
    return answers


def exit_codes(func, args):
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=func, args=(a,)) for a in args]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        print(p.name, "exit code", p.exitcode)
    return [p.exitcode for p in procs]
