"""`mpkit nbgrader-scores COURSE_DIR`: the scores of an nbgrader course's autograder cells,
decided by the kit outside any kernel and written into nbgrader's own gradebook.

`nbgrader autograde` runs each submitted notebook in a kernel, and a cell the student added runs
in that kernel before the graded cells: it can replace `grader.notebook.grade_test` and score a
stub full marks. This command never starts a kernel: it reads each student's module from the
`%%writefile` cell of the notebooks in `submitted/<student>/<assignment>/` (as `mpkit grade`
does), grades them as `grade-batch` does (one pool for the class), and sets the `auto_score` of
every autograder cell of the kit's notebooks (grade id `<exercise>-<test>`, see
grader/course/notebooks.py) through nbgrader's API; `nbgrader export` then reports those
scores. A student `nbgrader autograde` never saw is added to the gradebook, so the course can
skip autograde altogether. Other cells (an instructor's manual ones) are left alone.
"""
import glob
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field

from grader.course import notebooks
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

    students = [batch.Student(name, path) for name, path in submitted(coursedir, assignment, only)]
    state = tempfile.mkdtemp(prefix="mpkit-nbgrader-")
    try:
        outcome = batch.grade_class(students, exercises, methods, state, jobs=jobs, force=True)
    finally:
        shutil.rmtree(state, ignore_errors=True)
    written = Written(interrupted=outcome.interrupted)
    if outcome.interrupted:
        return written
    with _gradebook(coursedir) as gradebook:
        for student in students:
            _write_student(gradebook, coursedir, assignment, student, outcome.records[student.name],
                           cells, written)
    return written


def _write_student(gradebook, coursedir, assignment, student, record, cells, written):
    from nbgrader.api import MissingEntry

    if not record["graded"]:
        written.failed += 1
        written.warnings.append("%s: not graded (%s); the gradebook keeps its scores as they were"
                                % (student.name, "; ".join(record["notes"])))
        return
    try:
        gradebook.find_student(student.name)
    except MissingEntry:
        gradebook.add_student(student.name)
    try:
        gradebook.find_submission(assignment, student.name)
    except MissingEntry:
        timestamp = coursedir.get_existing_timestamp(student.path)
        gradebook.add_submission(assignment, student.name, **({"timestamp": timestamp} if timestamp else {}))
    passed = _passed(record)
    before = after = total = 0.0
    for (nb, name), (exercise, test) in sorted(cells.items()):
        grade = gradebook.find_grade(name, nb, assignment, student.name)
        before += grade.auto_score or 0
        grade.auto_score = grade.max_score if passed.get((exercise.folder, test)) else 0.0
        grade.needs_manual_grade = grade.manual_score is not None  # as nbgrader's autograde does
        after, total = after + grade.auto_score, total + grade.max_score
        if grade.manual_score is not None or grade.extra_credit:
            written.warnings.append("%s: %s/%s keeps a manual score (%s) or extra credit (%s) that "
                                    "counts instead of the kit's" % (student.name, nb, name,
                                                                     grade.manual_score, grade.extra_credit))
        written.cells += 1
    gradebook.db.commit()
    written.students += 1
    line = "%s: %g/%g" % (student.name, after, total)
    if before != after:
        line += " (the gradebook had %g)" % before
    written.lines.append(line)


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
    out.append("mpkit nbgrader-scores: the kit's scores of %d autograder cells of %d students are in "
               "the gradebook of %s; %d failed to grade. `nbgrader export` reports them; a later "
               "`nbgrader autograde` overwrites them: run this command again after it\n"
               % (written.cells, written.students, course_dir, written.failed))
    return "".join(out)
