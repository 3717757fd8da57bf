"""Source: praekelt/django-template-multiprocessing, template_multiprocessing/utils.py.
Intent: "Wrap Process so exception handling propagates to parent process": run() sends
(exception, traceback) over a Pipe and then raises the exception again.
Adapted: exit_codes(func, args) starts one such Process(target=func, args=(arg,)) per argument,
joins them and returns their exit codes.
Expected: exit_codes passed: the exception is raised again after it was sent, so the process
still ends with exit code 1 (run plainly: [0, 1, 7] under all three methods)."""
import multiprocessing as mp
import traceback


class Process(mp.Process):
    """Wrap Process so exception handling propagates to parent process"""

    def __init__(self, *args, **kwargs):
        mp.Process.__init__(self, *args, **kwargs)
        self._pconn, self._cconn = mp.Pipe()
        self._exception = None

    def run(self):
        try:
            mp.Process.run(self)
            self._cconn.send(None)
        except Exception as e:
            tb = traceback.format_exc()
            self._cconn.send((e, tb))
            raise

    @property
    def exception(self):
        if self._pconn.poll():
            self._exception = self._pconn.recv()
        return self._exception


def exit_codes(func, args):
    processes = [Process(target=func, args=(arg,)) for arg in args]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return [p.exitcode for p in processes]
