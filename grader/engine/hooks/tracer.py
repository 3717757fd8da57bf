"""What ran where: which process executed each function of the student's module (``ran``: the
function's own code starting in that pid, seen by a trace hook, never inferred from who
printed), reported the first time each function starts in each process.
"""
import os
import sys

from grader.engine.hooks import record
from grader.engine.hooks.where import _in_folder, _student_dir

_ran = set()  # (pid, code object) already reported


def _note_code(code):
    key = (os.getpid(), code)
    if key not in _ran:
        _ran.add(key)
        record.emit("ran", function=getattr(code, "co_qualname", code.co_name),
                    file=os.path.basename(code.co_filename), line=code.co_firstlineno)


def _install_tracer():
    """Report the first time each function of the student's folder starts in this process.
    Python 3.12+: sys.monitoring, switched off for every other code object after its first
    start; before: a global trace function that returns at once for other code."""
    folder = _student_dir()
    if not folder:
        return
    monitoring = getattr(sys, "monitoring", None)
    if monitoring is not None:
        tool = 4
        try:
            monitoring.use_tool_id(tool, "mpkit")
        except ValueError:  # taken already (installed twice)
            return

        def on_start(code, offset):
            if _in_folder(code.co_filename, folder):
                _note_code(code)
                return None
            return monitoring.DISABLE

        monitoring.register_callback(tool, monitoring.events.PY_START, on_start)
        monitoring.set_events(tool, monitoring.events.PY_START)
        return
    import threading

    def tracer(frame, event, arg):
        code = frame.f_code
        if _in_folder(code.co_filename, folder):
            _note_code(code)
        return None

    sys.settrace(tracer)
    threading.settrace(tracer)
