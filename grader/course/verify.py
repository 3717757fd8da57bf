"""`mpkit verify`: the kit checks itself, and says how to fix what is wrong.

* the manifest: unique names, no standard-library module names, titles and as many hints in
  English as in Chinese, points equal to the scenarios' sum, folders, README.md and
  README.zh.md present;
* the stubs: each equals what its solution generates, and scores 0 with not_implemented;
* the files made from the manifest (docs/classroom.yml, notebooks/), where the kit has them:
  each equals what its command makes now, which it names;
* the solutions: full marks under every start method;
* the corpus: every correct case passes and every wrong case gets its verdict.
"""
import os
import sys

from grader import grading
from grader.course import corpus, manifest, scaffold, settings, stubs
from grader.judging.outcomes import NOT_IMPLEMENTED

MIN_HINTS = 3


def check_manifest(root, exercises):
    languages = manifest.course()["languages"]
    problems = settings.unknown_keys(manifest.MANIFEST_PATH, manifest.read().get("exercise", []))
    seen = {}
    stdlib = grading.stdlib_names()
    for exercise in exercises:
        for kind, value in (("folder", exercise.folder), ("module", exercise.module),
                            ("topic", exercise.topic)):
            if (kind, value) in seen:
                problems.append("manifest: %s %r is used twice; give each exercise its own" % (kind, value))
            seen[(kind, value)] = exercise
        if exercise.module in stdlib:
            problems.append("manifest: module %r of %s shadows the standard library; rename it"
                            % (exercise.module, exercise.folder))
        for field, hints in (("hints", exercise.hints), ("hints_zh", exercise.hints_zh)):
            if field == "hints_zh" and "zh" not in languages:
                continue
            if len(hints) < MIN_HINTS:
                problems.append("manifest: %s has %d %s; write at least %d, from a nudge to nearly "
                                "the answer" % (exercise.folder, len(hints), field, MIN_HINTS))
        scenarios = exercise.scenarios()
        total = sum(s.points for s in scenarios)
        if total != exercise.points:
            problems.append("manifest: %s has points = %s but its scenarios in %s add up to %s; "
                            "make them agree" % (exercise.folder, exercise.points, exercise.checks, total))
        for scenario in scenarios:
            if scenario.judge_fn is None:
                problems.append("%s: scenario %r has no judge" % (exercise.checks, scenario.name))
        for side in ("exercises", "solutions"):
            path = os.path.join(root, side, exercise.folder, exercise.filename)
            if not os.path.isfile(path):
                problems.append("%s is missing: the manifest lists %s" % (path, exercise.folder))
        if len(exercise.hints) != len(exercise.hints_zh):
            problems.append("manifest: %s has %d hints but %d hints_zh; each hint needs its "
                            "Chinese text" % (exercise.folder, len(exercise.hints), len(exercise.hints_zh)))
        if not exercise.title_zh:
            problems.append("manifest: %s has no title_zh" % exercise.folder)
        for name in ("README.md", "README.zh.md"):
            readme = os.path.join(root, "exercises", exercise.folder, name)
            if not os.path.isfile(readme):
                problems.append("%s is missing: every exercise folder needs one" % readme)
    for side in ("exercises", "solutions"):
        folder = os.path.join(root, side)
        listed = {e.folder for e in exercises}
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if os.path.isdir(os.path.join(folder, name)) and name not in listed and not name.startswith((".", "_")):
                problems.append("%s/%s is not in the manifest: add it to grader/course/manifest.toml or "
                                "remove it" % (side, name))
    return problems


def check_work_left(root, exercises):
    """What a new exercise still lacks, in the order to do it: the MPKIT-TODO places `mpkit
    new` left, then a correct and a wrong submission in the corpus."""
    problems = ["%s (then remove the MPKIT-TODO)" % place for place in scaffold.unfinished(root, exercises)]
    corpus_dir = os.path.join(root, "tests", "corpus")
    if not os.path.isdir(corpus_dir):
        return problems
    cases = corpus.load(corpus_dir)
    for exercise in exercises:
        folder = os.path.join("tests", "corpus", "correct", exercise.folder)
        correct = [c for c in cases if c.exercise.folder == exercise.folder and c.file.startswith("correct/")]
        wrong = [c for c in cases if c.exercise.folder == exercise.folder and not c.file.startswith("correct/")]
        if not correct:
            problems.append("%s holds no correct submission: add one .py file (another style of the "
                            "solution) that must pass every test" % folder)
        if not wrong:
            problems.append("tests/corpus/cases.toml has no case of %s: add a wrong submission to "
                            "tests/corpus/wrong/%s/ and a [[case]] with its expected verdicts"
                            % (exercise.folder, exercise.folder))
    return problems


def check_stubs(root, exercises):
    problems = []
    for solution, stub in stubs.stub_pairs(root, exercises):
        try:
            with open(solution, encoding="utf-8") as f:
                wanted = stubs.make_stub(f.read(), solution)
            with open(stub, encoding="utf-8") as f:
                actual = f.read()
        except (OSError, stubs.StubError) as exc:
            problems.append(str(exc))
            continue
        if wanted != actual:
            problems.append("%s differs from the stub generated from %s: run `mpkit stubs` to "
                            "regenerate it (edit the solution, never the stub)" % (stub, solution))
    return problems


CLASSROOM = os.path.join("docs", "classroom.yml")
NOTEBOOKS = "notebooks"


def _differs(path, content):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read() != content
    except OSError:
        return True


def check_generated(root, exercises):
    """The kit's copies of what commands make from the manifest, after an exercise is added or
    changed: each one that no longer equals what its command makes, with that command."""
    problems = []
    if os.path.isfile(os.path.join(root, CLASSROOM)):
        from grader.platforms import workflows

        if _differs(os.path.join(root, CLASSROOM), workflows.classroom(exercises)):
            problems.append("%s is not what the manifest makes now: run `mpkit workflow classroom "
                            "--output %s`" % (CLASSROOM, CLASSROOM.replace(os.sep, "/")))
    if os.path.isdir(os.path.join(root, NOTEBOOKS)):
        problems += _check_notebooks(root, exercises)
    return problems


def _check_notebooks(root, exercises):
    from grader.course import notebooks

    try:
        import nbformat  # noqa: F401 - installed with nbgrader
    except ImportError:
        return ["notebooks/ cannot be compared with the exercises: nbformat is missing; install the "
                "kit with `pip install -e \".[dev]\"` (or delete notebooks/ if the course has none)"]
    wanted = notebooks.course_files(root, exercises)
    folder = os.path.join(root, NOTEBOOKS)
    stale = sorted(rel for rel, content in wanted.items() if _differs(os.path.join(folder, *rel.split("/")), content))
    extra = sorted(os.path.relpath(os.path.join(here, name), folder).replace(os.sep, "/")
                   for here, _, names in os.walk(folder) for name in names)
    stale += [rel for rel in extra if rel not in wanted]
    if not stale:
        return []
    return ["notebooks/ is not what the exercises make now (%s): run `mpkit notebooks notebooks`%s"
            % (", ".join(stale[:3]) + (", ..." if len(stale) > 3 else ""),
               " and delete the notebooks of exercises that are gone" if set(extra) - set(wanted) else "")]


def check_grades(root, exercises, methods, jobs=None):
    problems = []
    for verdict in grading.grade(os.path.join(root, "exercises"), exercises, methods[:1], jobs):
        if verdict.status != NOT_IMPLEMENTED:
            problems.append("stub %s %s: expected not_implemented, got %s: %s" % (
                verdict.exercise, verdict.name, verdict.status, verdict.message.splitlines()[0]))
    for verdict in grading.grade(os.path.join(root, "solutions"), exercises, methods, jobs):
        if not verdict.passed:
            problems.append("solution %s %s [%s]: %s: %s" % (
                verdict.exercise, verdict.name, verdict.start_method, verdict.status, verdict.message))
    return problems


def check_corpus(root, exercises, methods, jobs=None, realworld=True):
    corpus_dir = os.path.join(root, "tests", "corpus")
    if not os.path.isdir(corpus_dir):
        return ["%s is missing: the corpus of submissions proves the checks" % corpus_dir]
    problems = []
    cases = [c for c in corpus.load(corpus_dir) if c.exercise.folder in {e.folder for e in exercises}
             and (realworld or not c.file.startswith("realworld/"))]
    for case, verdicts in corpus.grade_cases(corpus_dir, cases, methods, jobs=jobs):
        problems += corpus.problems(case, verdicts)
    return problems


def run(root, methods, out=sys.stdout, jobs=None, only=None, realworld=True):
    """Each step in order; once one finds problems, the later ones wait for them to be fixed.
    `only`: the exercises to grade (default: all; the manifest is always checked whole);
    without `realworld`, the corpus is the kit's own submissions, not the programs by others."""
    exercises = manifest.load()
    chosen = only or exercises
    problems = []
    steps = [("work left in new exercises", lambda: check_work_left(root, chosen)),
             ("manifest", lambda: check_manifest(root, exercises)),
             ("stubs, classroom.yml, notebooks", lambda: check_stubs(root, chosen) + check_generated(root, exercises)),
             ("stubs and solutions graded (%s)" % ", ".join(methods), lambda: check_grades(root, chosen, methods, jobs)),
             ("corpus (%s)" % ", ".join(methods), lambda: check_corpus(root, chosen, methods, jobs, realworld))]
    for title, step in steps:
        if problems:
            out.write("%-45s %s\n" % (title, "not checked yet: fix the problems above first"))
            continue
        found = step()
        out.write("%-45s %s\n" % (title, "ok" if not found else "%d problem(s)" % len(found)))
        for problem in found:
            out.write("  - %s\n" % problem)
        problems += found
    return problems
