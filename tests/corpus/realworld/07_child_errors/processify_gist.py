"""Source: Marc Schlaich's "processify" gist (gist.github.com/schlamar/2311116), as copied in a
public repository (code index id 63971714427): process_func catches any exception with
sys.exc_info() and puts (ret, error) on a Queue, error being (ex_type, ex_value, tb_str); the
wrapper starts the process, q.get(), then p.join(), and raises ex_type again in the parent.
Adapted: process_func -> run_task(results, index, func, arg), putting (index, True, ret) or
(index, False, "<type name>: <ex_value>") built from the author's ex_type and ex_value; the
wrapper -> run_all(func, args), called once per arg in turn (a queue and a process each, start,
get, join), the payload kept instead of raising; exit_codes: the wrapper's start/join with
func itself as the target.
Expected: passed under fork and spawn (one process at a time, each outcome got before its
join)."""
import sys
import traceback
from multiprocessing import Process, Queue


def run_task(results, index, func, arg):
    try:
        ret = func(arg)
    except Exception:
        ex_type, ex_value, tb = sys.exc_info()
        error = ex_type, ex_value, ''.join(traceback.format_tb(tb))
        ret = None
    else:
        error = None

    if error:
        results.put((index, False, "%s: %s" % (error[0].__name__, error[1])))
    else:
        results.put((index, True, ret))


def run_all(func, args):
    out = []
    for i, arg in enumerate(args):
        q = Queue()
        p = Process(target=run_task, args=(q, i, func, arg))
        p.start()
        _, ok, payload = q.get()
        p.join()
        out.append(payload)
    return out


def exit_codes(func, args):
    codes = []
    for arg in args:
        p = Process(target=func, args=(arg,))
        p.start()
        p.join()
        codes.append(p.exitcode)
    return codes
