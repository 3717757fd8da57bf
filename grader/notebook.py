"""The kit inside a Jupyter notebook.

For students::

    from grader.notebook import check
    check("02_queue")          # every test of the exercise: an HTML table in Jupyter, text elsewhere

For the autograder cells of the notebooks `mpkit notebooks` writes::

    from grader.notebook import grade_test
    grade_test("02_queue", "collect_tutorial")   # raises TestFailed with the verdict's message

Both grade the module file the solution cell wrote (`%%writefile queue_messages.py`) in the
current folder, as real processes under the kit's supervisor, exactly as `mpkit grade` does:
the kernel only waits for the verdict, so a deadlock in the student's code never hangs it.
Neither writes to stderr when the tests pass (nbgrader scores such a cell 0).

Under `nbgrader autograde` the kernel is the student's: a cell of theirs that runs before the
graded cells can replace `grade_test`, so the scores that count come from outside any kernel,
`mpkit nbgrader-scores` (grader/platforms/gradebook.py).
"""
import os
import shutil
import sys
import tempfile

from grader import grading
from grader.course import manifest
from grader.engine import safe_files, system
from grader.messages import text
from grader.reports import notebook as notebook_report
from grader.reports.results import status_name


class TestFailed(AssertionError):
    """A graded test did not pass; the message is the verdict's."""

    __test__ = False  # not a pytest test class


def _exercise(name):
    exercises = manifest.load()
    found = manifest.find(exercises, name)
    if found is None:
        raise ValueError("no exercise %r; known: %s" % (name, ", ".join(e.folder for e in exercises)))
    return found


def _start_method(method):
    method = method or os.environ.get("MPKIT_START_METHOD") or system.default_start_method()
    if method not in system.start_methods():
        raise ValueError("start method %r is not available here (available: %s)"
                         % (method, ", ".join(system.start_methods())))
    return method


def run(exercise, tests=None, folder=".", start_method=None):
    """The verdicts of `exercise`'s tests (all, or those named in `tests`) on the module file in
    `folder`, in the manifest's order."""
    exercise = _exercise(exercise)
    method = exercise.methods_for([_start_method(start_method)])[0]
    scenarios = exercise.scenarios()
    known = [s.name for s in scenarios]
    for name in tests or ():
        if name not in known:
            raise ValueError("%s has no test %r; its tests: %s" % (exercise.folder, name, ", ".join(known)))
    module = os.path.join(folder, exercise.filename)
    if not os.path.isfile(module):
        raise TestFailed(text("nb_module_missing", file=exercise.filename))
    grading.check_environment()
    data = _module_bytes(module, exercise)
    submission = tempfile.mkdtemp(prefix="mpkit-notebook-")
    try:
        os.makedirs(os.path.join(submission, exercise.folder))
        with open(os.path.join(submission, exercise.folder, exercise.filename), "wb") as f:
            f.write(data)
        jobs = [grading.Job(submission, exercise, s, method, notebook=True) for s in scenarios
                if tests is None or s.name in tests]
        return grading.run_jobs(jobs, jobs=1 if len(jobs) == 1 else None)
    finally:
        shutil.rmtree(submission, ignore_errors=True)


def _module_bytes(module, exercise):
    """The module file the notebook wrote, read without following a link (the grader may be
    able to read what it points to, and the student must not)."""
    try:
        return safe_files.read(module, grading.MAX_MODULE_BYTES + 1)[0]
    except safe_files.Refused as exc:
        raise TestFailed(grading.refused_text(exc, exercise.filename)) from None


def grade_test(exercise, test, folder=".", start_method=None):
    """Grade one test; raise TestFailed with the verdict's message unless it passed."""
    verdict = run(exercise, [test], folder, start_method)[0]
    if not verdict.passed:
        message = text("test_output", status=status_name(verdict.status), message=verdict.message)
        if verdict.output.strip():
            message += "\n%s\n%s" % (text("feedback_output"), verdict.output.rstrip())
        raise TestFailed(message)
    print(text("nb_passed", name=verdict.name, points="%g" % verdict.max_score))


def _in_jupyter():
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython else None
    return shell is not None and getattr(shell, "kernel", None) is not None


def check(exercise, folder=".", start_method=None):
    """Grade every test of `exercise` and show the verdicts: an HTML table in Jupyter, text
    elsewhere. Returns nothing, so Jupyter shows the table once."""
    found = _exercise(exercise)
    verdicts = run(exercise, None, folder, start_method)
    if _in_jupyter():
        from IPython.display import HTML, display

        display(HTML(notebook_report.as_html(verdicts, found) + _timeline(verdicts)))
    else:
        sys.stdout.write(notebook_report.as_text(verdicts, found))


def _timeline(verdicts):
    """The timeline of each failing test's processes, below the table (grader/reports/html.py)."""
    from grader.reports.html import timeline_fragment

    return "".join(timeline_fragment(v) for v in verdicts if not v.passed)
