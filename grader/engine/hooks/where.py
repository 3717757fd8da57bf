"""Whose code is calling: the student's folder (``MPKIT_STUDENT_DIR``), multiprocessing's own
(a Queue's feeder, a Pool's threads, a Manager's connection) or these hooks'; and whether this
process is the runner. The other hooks record only what the student's code did, so each asks
here, by walking the caller's frames.

Every function here that looks at ``sys._getframe(2)`` expects to be called straight from the
patched method whose caller it judges: never call one through a helper of your own.
"""
import os
import sys

_MP_DIR = os.path.dirname(os.path.abspath(__import__("multiprocessing").__file__)) + os.sep
_HERE = os.path.dirname(os.path.abspath(__file__))  # the hooks' folder: its frames are skipped
_LOCK_MAKERS = ("Lock", "RLock", "BoundedSemaphore")


def _is_runner():
    return str(os.getpid()) == os.environ.get("MPKIT_RUNNER_PID")


def _student_dir():
    folder = os.environ.get("MPKIT_STUDENT_DIR")
    return os.path.normcase(os.path.abspath(folder)) + os.sep if folder else None


def _in_folder(path, folder):
    return os.path.normcase(path).startswith(folder)


def _made_by_library():
    """Whether the lock being made is multiprocessing's own (a Queue's, a Condition's, a Pool's):
    the code that called the context's Lock() or RLock() (or the class itself) is in
    multiprocessing."""
    frame = sys._getframe(2)
    while frame is not None:
        path, name = frame.f_code.co_filename, frame.f_code.co_name
        if path.startswith(_MP_DIR) and path.endswith("context.py") and name in _LOCK_MAKERS:
            maker = frame.f_back
            return maker is None or maker.f_code.co_filename.startswith(_MP_DIR)
        if os.path.dirname(path) != _HERE and not (path.startswith(_MP_DIR) and path.endswith("synchronize.py")
                                                   and name == "__init__"):
            return path.startswith(_MP_DIR)
        frame = frame.f_back
    return True


def _by_library():
    """Whether the caller of the caller is multiprocessing itself (a Manager's connection, a
    Pool's queue): its traffic is not the student's."""
    return sys._getframe(2).f_code.co_filename.startswith(_MP_DIR)


def _called_by_student():
    """Whether the function calling the caller of this is the student's code (not a Pool's or a
    Manager's own threads)."""
    folder = _student_dir()
    return bool(folder) and _in_folder(sys._getframe(2).f_code.co_filename, folder)


def _started_by_student():
    """Whether the code that called start() is the student's own (not a Pool's or a Manager's,
    which start their workers and their server themselves): the first frame outside these hooks."""
    folder = _student_dir()
    frame = sys._getframe(2)
    while frame is not None and os.path.dirname(frame.f_code.co_filename) == _HERE:
        frame = frame.f_back
    return bool(folder) and frame is not None and _in_folder(frame.f_code.co_filename, folder)


def _student_module_frame():
    """'file.py:line' when the caller is the top level of a student's module being imported
    (code outside any function, run again by every spawn child that imports the module)."""
    folder = _student_dir()
    frame = sys._getframe(2)
    while folder and frame is not None:
        code = frame.f_code
        # a file run as the main module (a script) is not being imported: its children are
        if code.co_name == "<module>" and _in_folder(code.co_filename, folder) \
                and frame.f_globals.get("__name__") != "__main__":
            return "%s:%d" % (os.path.basename(code.co_filename), frame.f_lineno)
        frame = frame.f_back
    return None


def student_line():
    """{"file", "line", "function"} of the innermost frame of the student's own code on this
    thread's stack (the line that called the grader's function being recorded), or None."""
    folder = _student_dir()
    frame = sys._getframe(1)
    while folder and frame is not None:
        code = frame.f_code
        if _in_folder(code.co_filename, folder):
            return {"file": os.path.basename(code.co_filename), "line": frame.f_lineno, "function": code.co_name}
        frame = frame.f_back
    return None
