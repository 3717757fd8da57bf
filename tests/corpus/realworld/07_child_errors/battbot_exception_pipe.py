"""Source: pybamm-team/BattBot, bot/utils/custom_process.py (after stackoverflow.com/a/33599967).
Intent: a Process subclass "which returns child Exceptions to Parent": run() calls
Process.run inside try/except and sends (exception, traceback) over a Pipe; the parent reads
p.exception after join. The exception is not raised again.
Adapted: exit_codes(func, args) starts one such Process(target=func, args=(arg,)) per argument,
joins them and returns their exit codes.
Expected: exit_codes failed under fork, spawn and forkserver: run() swallows the exception, so
the process whose task raised ends with exit code 0, not 1 (run plainly: [0, 0, 7] under all
three methods)."""
import multiprocessing
import traceback


class Process(multiprocessing.Process):
    """
    Class which returns child Exceptions to Parent.
    """

    def __init__(self, *args, **kwargs):
        multiprocessing.Process.__init__(self, *args, **kwargs)
        self._parent_conn, self._child_conn = multiprocessing.Pipe()
        self._exception = None

    def run(self):
        try:
            multiprocessing.Process.run(self)
            self._child_conn.send(None)  # pragma: no cover
        except Exception as e:
            tb = traceback.format_exc()
            self._child_conn.send((e, tb))

    # the exception can now be accessed in the main process using object
    @property
    def exception(self):
        if self._parent_conn.poll():
            self._exception = self._parent_conn.recv()
        return self._exception


def exit_codes(func, args):
    processes = [Process(target=func, args=(arg,)) for arg in args]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return [p.exitcode for p in processes]
