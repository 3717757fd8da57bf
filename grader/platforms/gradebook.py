"""`mpkit nbgrader-scores COURSE_DIR`: the scores of an nbgrader course's autograder cells,
decided by the kit outside any kernel and written into nbgrader's own gradebook.

`nbgrader autograde` runs each submitted notebook in a kernel, and a cell the student added runs
in that kernel before the graded cells: it can replace `grader.notebook.grade_test` and score a
stub full marks. This command never starts a kernel: it reads each student's module from the
`%%writefile` cell of the notebooks nbgrader grades, `submitted/<student>/<assignment>/
<exercise>.ipynb` (as `mpkit grade` does, never through a link), grades them as `grade-batch`
does (one pool for the class), and sets the `auto_score` of every autograder cell of the kit's
notebooks (grade id `<exercise>-<test>`, see grader/course/notebooks.py) through nbgrader's
API; `nbgrader export` then reports those scores. A student `nbgrader autograde` never saw is
added to the gradebook, so the course can skip autograde altogether. Other cells (an
instructor's manual ones) are left alone.
"""
import glob
import os
import re
import shutil
import sys
import tempfile
import warnings
from dataclasses import dataclass, field

from grader.course import notebooks
from grader.engine import safe_files
from grader.judging.outcomes import PASSED

EXIT_OK, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 130  # cli.py's


class GradebookError(Exception):
    """A course folder, gradebook or assignment that cannot be used; the message names it."""


@dataclass
class Written:
    """What one run wrote: a line per student, and what an instructor should look at."""
    lines: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    students: int = 0
    cells: int = 0
    failed: int = 0
    interrupted: bool = False


def course_directory(course_dir):
    """nbgrader's CourseDirectory of `course_dir`, with its nbgrader_config.py read."""
    if not os.path.isdir(course_dir):
        raise GradebookError("COURSE_DIR: %r is not a folder" % course_dir)
    try:
        from nbgrader.coursedir import CourseDirectory
        from traitlets.config import Config
        from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader
    except ImportError:
        raise GradebookError("nbgrader is missing: install the kit with its nbgrader extra "
                             "(pip install \".[nbgrader]\")")
    try:
        config = PyFileConfigLoader("nbgrader_config.py", path=os.path.abspath(course_dir)).load_config()
    except ConfigFileNotFound:
        config = Config()
    except Exception as exc:  # the instructor's own file: say which one fails to load
        raise GradebookError("COURSE_DIR: %s: %s: %s" % (os.path.join(course_dir, "nbgrader_config.py"),
                                                        type(exc).__name__, exc))
    return CourseDirectory(config=config, root=os.path.abspath(course_dir))


def _gradebook(coursedir):
    from nbgrader.api import Gradebook

    url = coursedir.db_url
    if url.startswith("sqlite:///") and not os.path.isfile(url[len("sqlite:///"):]):
        raise GradebookError("COURSE_DIR: no gradebook at %s: run `nbgrader generate_assignment "
                             "ASSIGNMENT` in %s first" % (url[len("sqlite:///"):], coursedir.root))
    return Gradebook(url, coursedir.course_id)


def kit_cells(gradebook, assignment, exercises):
    """{(notebook, grade cell): (exercise, test)} of the assignment's autograder cells that are
    the kit's (the notebook named after an exercise, the cell `<exercise>-<test>`)."""
    from nbgrader.api import MissingEntry

    try:
        found = gradebook.find_assignment(assignment)
    except MissingEntry:
        raise GradebookError("--assignment: the gradebook has no assignment %r (it has: %s): run "
                             "`nbgrader generate_assignment %s` first"
                             % (assignment, ", ".join(a.name for a in gradebook.assignments) or "none",
                                assignment))
    by_folder = {e.folder: e for e in exercises}
    cells = {}
    for nb in found.notebooks:
        exercise = by_folder.get(nb.name)
        if exercise is None:
            continue
        tests = {notebooks.grade_id(exercise, s.name): s.name for s in exercise.scenarios()}
        for cell in nb.grade_cells:
            if cell.name in tests:
                cells[(nb.name, cell.name)] = (exercise, tests[cell.name])
    if not cells:
        raise GradebookError("--assignment: no notebook of %r is one of the kit's exercises (%s) with "
                             "its autograder cells" % (assignment, ", ".join(sorted(by_folder))))
    return cells


def submitted(coursedir, assignment, only=None):
    """[(student id, folder)] of the assignment's submissions, sorted; `only`: those students."""
    pattern = coursedir.format_path(coursedir.submitted_directory, "*", assignment)
    regexp = re.compile(coursedir.format_path(coursedir.submitted_directory, "(?P<student_id>[^/\\\\]+)",
                                              assignment, escape=True) + "$")
    found = []
    for path in sorted(glob.glob(pattern)):
        match = regexp.match(path)
        if match and os.path.isdir(path) and not os.path.islink(path):
            if only is None or match["student_id"] in only:
                found.append((match["student_id"], path))
    missing = sorted(set(only or ()) - {student for student, _ in found})
    if missing:
        raise GradebookError("--student: no submission of %s in %s"
                             % (", ".join(missing), os.path.dirname(os.path.dirname(pattern))))
    if not found:
        raise GradebookError("COURSE_DIR: no submission of %r in %s" % (assignment, pattern))
    return found


def _passed(record):
    """{(exercise, test): whether every start method's verdict passed}."""
    passed = {}
    for test in record["tests"]:
        key = (test["exercise"], test["name"])
        passed[key] = passed.get(key, True) and test["status"] == PASSED
    return passed


def record_scores(course_dir, assignment, exercises, methods, jobs=None, only=None):
    """Grade the assignment's submissions with the kit and write each kit cell's score into the
    gradebook; returns what was written (Written)."""
    coursedir = course_directory(course_dir)
    with _gradebook(coursedir) as gradebook:
        cells = kit_cells(gradebook, assignment, exercises)
    used = {exercise.folder for exercise, _ in cells.values()}
    exercises = [e for e in exercises if e.folder in used]
    from grader.platforms import batch  # the pool and the engine: only when something is graded

    folders = dict(submitted(coursedir, assignment, only))
    work = tempfile.mkdtemp(prefix="mpkit-nbgrader-")
    try:
        students = [batch.Student(name, _graded_notebooks(path, exercises, os.path.join(work, str(i))))
                    for i, (name, path) in enumerate(sorted(folders.items()))]
        outcome = batch.grade_class(students, exercises, methods, os.path.join(work, "state"),
                                    jobs=jobs, force=True, hide=[coursedir.root])  # the gradebook, submitted/
    finally:
        shutil.rmtree(work, ignore_errors=True)
    written = Written(interrupted=outcome.interrupted)
    if outcome.interrupted:
        return written
    with _gradebook(coursedir) as gradebook:
        for student in students:
            _write_student(gradebook, coursedir, assignment, (student.name, folders[student.name]),
                           outcome.records[student.name], cells, written)
    return written


def _graded_notebooks(folder, exercises, target):
    """A copy, in `target`, of the notebooks nbgrader grades in a submission: `<exercise>.ipynb`
    (not another notebook or module file beside it), each read without following a link."""
    os.makedirs(target)
    for exercise in exercises:
        path = os.path.join(folder, exercise.folder + ".ipynb")
        try:
            data = safe_files.read(path, notebooks.MAX_NOTEBOOK_BYTES, folder)[0]
        except OSError:  # missing, a link, a FIFO: no notebook, so no module (its tests score 0)
            continue
        with open(os.path.join(target, exercise.folder + ".ipynb"), "wb") as f:
            f.write(data)
    return target


def _write_student(gradebook, coursedir, assignment, student, record, cells, written):
    """Set the auto_score of each kit cell of one student's submission to the kit's score."""
    sid, folder = student
    if not record["graded"]:
        written.failed += 1
        written.warnings.append("%s: not graded (%s); the gradebook keeps its scores as they were"
                                % (sid, "; ".join(record["notes"])))
        return
    _ensure_submission(gradebook, coursedir, assignment, sid, folder)
    passed = _passed(record)
    before = after = total = 0.0
    for (nb, name), (exercise, test) in sorted(cells.items()):
        grade = _grade(gradebook, name, nb, assignment, sid, written)
        if grade is None:
            continue
        before += grade.auto_score or 0
        grade.auto_score = grade.max_score if passed.get((exercise.folder, test)) else 0.0
        grade.needs_manual_grade = grade.manual_score is not None  # as nbgrader's autograde does
        after, total = after + grade.auto_score, total + grade.max_score
        kept = ["a manual score of %g" % grade.manual_score] if grade.manual_score is not None else []
        kept += ["extra credit of %g" % grade.extra_credit] if grade.extra_credit else []
        if kept:
            written.warnings.append("%s: %s/%s has %s in the gradebook, which nbgrader counts instead "
                                    "of the kit's score" % (sid, nb, name, " and ".join(kept)))
        written.cells += 1
    gradebook.db.commit()
    written.students += 1
    written.lines.append("%s: %g/%g%s" % (sid, after, total,
                                          " (the gradebook had %g)" % before if before != after else ""))


def _grade(gradebook, name, nb, assignment, sid, written):
    """The gradebook's grade of one cell of a submission, or None (with a warning) when the
    submission lacks it (made before the assignment had that notebook or cell)."""
    from nbgrader.api import MissingEntry

    try:
        return gradebook.find_grade(name, nb, assignment, sid)
    except MissingEntry:
        written.warnings.append("%s: the gradebook's submission has no %s/%s (the assignment changed "
                                "after it was made?): not written" % (sid, nb, name))
        return None


def _ensure_submission(gradebook, coursedir, assignment, sid, folder):
    """The student and their submission in the gradebook, as `nbgrader autograde` would add them
    (with the time in the submission's timestamp.txt) if it never ran."""
    from nbgrader.api import MissingEntry
    from sqlalchemy.exc import SAWarning

    try:
        gradebook.find_student(sid)
    except MissingEntry:
        gradebook.add_student(sid)
    try:
        gradebook.find_submission(assignment, sid)
    except MissingEntry:
        timestamp = coursedir.get_existing_timestamp(folder)
        with warnings.catch_warnings():  # nbgrader's add_submission flushes half-made rows: harmless
            warnings.simplefilter("ignore", SAWarning)
            gradebook.add_submission(assignment, sid, **({"timestamp": timestamp} if timestamp else {}))


def add_parser(commands, selection_options):
    """`mpkit nbgrader-scores`'s options (cli.py passes its own options of a grading command)."""
    p = commands.add_parser("nbgrader-scores", help="grade an nbgrader course's submissions with the "
                            "kit, outside any kernel, and write the scores into its gradebook")
    p.add_argument("course", metavar="COURSE_DIR", help="the nbgrader course folder (nbgrader_config.py, "
                   "gradebook.db, submitted/)")
    p.add_argument("--assignment", default=notebooks.ASSIGNMENT,
                   help="the nbgrader assignment (default: %s)" % notebooks.ASSIGNMENT)
    p.add_argument("--student", action="append", metavar="ID", help="only this student (repeatable)")
    selection_options(p, "scenarios run at once, across students (default: twice the number of cores)")


def cmd_nbgrader_scores(args, exercises, methods):
    """The command, with the exercises and start methods cli.py made of the options."""
    written = record_scores(args.course, args.assignment, exercises, methods, args.jobs, args.student)
    sys.stdout.write(report(written, args.course))
    return EXIT_INTERRUPTED if written.interrupted else EXIT_FAILED if written.failed else EXIT_OK


def report(written, course_dir):
    """What the command prints: a line per student, then what to look at and what to run."""
    if written.interrupted:
        return "mpkit nbgrader-scores: interrupted: the gradebook is left as it was\n"
    out = ["%s\n" % line for line in written.lines]
    out += ["warning: %s\n" % line for line in written.warnings]
    out.append("mpkit nbgrader-scores: the kit's scores are in the gradebook of %s (students: %d, "
               "autograder cells: %d, failed to grade: %d). `nbgrader export` reports them; a later "
               "`nbgrader autograde` overwrites them: run this command again after it\n"
               % (course_dir, written.students, written.cells, written.failed))
    return "".join(out)
