"""The same class graded twice from nbgrader's `submitted/` folder: by `nbgrader autograde` (a
kernel per notebook, a test cell per scenario) and by `mpkit grade-batch` on the notebooks
(the modules taken from their `%%writefile` cells, no kernel), side by side, with every test's
score compared.

    python bench/notebooks.py                  # 10 students, every exercise
    python bench/notebooks.py --students 4 -j 3

Each student hands in one notebook per exercise: the solution, the untouched student version,
a mistake of the corpus, or a deadlock, in turn. Needs nbgrader (the dev or nbgrader extra).
Not a test: it prints the machine, both times, their ratio and any test scored differently.
"""
import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from grader.course import manifest, notebooks  # noqa: E402
from grader.platforms import ledger  # noqa: E402

ASSIGNMENT = "mpkit"
WRONG = {"01_process": "no_join.py", "02_queue": "reversed_order.py",
         "03_pipe": "send_all_no_close.py", "04_lock": "no_lock.py"}
HANGING = {"02_queue": "join_before_get.py", "03_pipe": "parent_keeps_sender.py",
           "04_lock": "never_released.py"}
KINDS = ("solution", "release", "wrong", "hanging")


def _module(kind, exercise):
    if kind == "solution" or (kind == "hanging" and exercise.folder not in HANGING):
        return os.path.join(ROOT, "solutions", exercise.folder, exercise.filename)
    folder = os.path.join(ROOT, "tests", "corpus", "wrong", exercise.folder)
    table = WRONG if kind == "wrong" else HANGING
    # An exercise without a chosen mistake hands in the first of its corpus, by name.
    return os.path.join(folder, table.get(exercise.folder) or sorted(os.listdir(folder))[0])


def make_class(course, exercises, students):
    for index in range(students):
        folder = os.path.join(course, "submitted", "student%02d" % index, ASSIGNMENT)
        os.makedirs(folder)
        for number, exercise in enumerate(exercises):
            with open(os.path.join(course, "release", ASSIGNMENT, exercise.folder + ".ipynb"), encoding="utf-8") as f:
                text = f.read()
            kind = KINDS[(index + number) % len(KINDS)]
            if kind != "release":
                with open(_module(kind, exercise), encoding="utf-8") as f:
                    text = notebooks.with_module(text, exercise.filename, f.read())
            with open(os.path.join(folder, exercise.folder + ".ipynb"), "w", encoding="utf-8") as f:
                f.write(text)


def timed(command, cwd):
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    started = time.monotonic()
    done = subprocess.run(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode:
        sys.exit("%s failed (exit %d):\n%s" % (" ".join(command[1:4]), done.returncode,
                                               done.stderr.decode("utf-8", "replace")[-3000:]))
    return time.monotonic() - started


def nbgrader_scores(course):
    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook("sqlite:///" + os.path.join(course, "gradebook.db")) as gradebook:
        for student in gradebook.students:
            for nb in gradebook.find_submission(ASSIGNMENT, student.id).notebooks:
                for grade in nb.grades:
                    folder, test = grade.name.split("-", 1)
                    scores[(student.id, folder, test)] = grade.score
    return scores


def mpkit_scores(state):
    return {(student, t["exercise"], t["name"]): t["score"]
            for student, rec in ledger.load_all(state, "state").items() for t in rec["tests"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=10)
    parser.add_argument("-j", "--jobs", type=int, default=None, help="grade-batch's -j")
    args = parser.parse_args()
    exercises = manifest.load()
    course = tempfile.mkdtemp(prefix="mpkit-bench-notebooks-")
    try:
        notebooks.write_course(ROOT, exercises, course)
        nbgrader = [sys.executable, "-m", "nbgrader"]
        timed(nbgrader + ["generate_assignment", ASSIGNMENT], course)
        make_class(course, exercises, args.students)
        autograde = timed(nbgrader + ["autograde", ASSIGNMENT], course)
        batch = [sys.executable, "-m", "grader.cli", "grade-batch", "submitted", "--csv", "grades.csv",
                 "--state", "state"] + (["-j", str(args.jobs)] if args.jobs else [])
        mpkit = timed(batch, course)
        theirs, ours = nbgrader_scores(course), mpkit_scores(os.path.join(course, "state"))
    finally:
        shutil.rmtree(course, ignore_errors=True)
    differ = sorted(k for k in set(theirs) | set(ours) if theirs.get(k) != ours.get(k))
    print("machine: %s, %d cores, Python %s, load average %s" % (
        platform.platform(), os.cpu_count(), platform.python_version(),
        " ".join("%.1f" % x for x in os.getloadavg())))
    print("class: %d students x %d notebooks, %d graded tests" % (args.students, len(exercises), len(ours)))
    print("nbgrader autograde:        %7.1f s" % autograde)
    print("mpkit grade-batch%-9s %7.1f s   (%.1f times faster)" % (
        " -j %d:" % args.jobs if args.jobs else ":", mpkit, autograde / mpkit))
    print("total score: nbgrader %g, mpkit %g" % (sum(v or 0 for v in theirs.values()), sum(ours.values())))
    print("tests scored differently: %d" % len(differ))
    for key in differ:
        print("  %s %s %s: nbgrader %s, mpkit %s" % (key + (theirs.get(key), ours.get(key))))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
