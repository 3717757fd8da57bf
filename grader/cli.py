"""The `mpkit` command.

    mpkit grade [PATH] [--exercise NAME]... [--start-method M|all]
                [--format text|json|gradescope|junit|markdown] [--output FILE] [--json FILE]
                [--html FILE] [-j N] [--shake [SEED]]
    mpkit grade-batch SUBMISSIONS --csv FILE [--feedback DIR] [--state DIR] [--shard K/N]
                [--force] [-j N]
    mpkit merge STATE_DIR... --csv FILE [--feedback DIR]
    mpkit gradescope OUT.zip          (and `mpkit autograde`, which its run_autograder calls)
    mpkit workflow classroom|shards [--shards N] [--output FILE]
    mpkit summary RESULTS.json...
    mpkit verify [--quick]
    mpkit stubs
    mpkit notebooks OUT [--exercise NAME]... [--assignment NAME]
    mpkit nbgrader-scores COURSE_DIR [--assignment NAME] [--student ID]... [-j N]
    mpkit list [--format text|json] | show [NAME] | hint [NAME] | watch     (self-study)

The student-facing commands (grade, list, show, hint, watch) take --lang en|zh; without it
MPKIT_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG starting with zh), chooses.

Exit status: 0 when everything passed, 1 when something failed, 2 on a usage error, 141 (as a
process that SIGPIPE ended) without a word when the reader of its output went away
(`mpkit list | head -5`).
"""
import argparse
import json
import os
import sys
import time

from grader import instructor, options
from grader.course import manifest
from grader.engine import safe_files, system
from grader.options import UsageError
from grader.platforms import gradebook as nbgrader_gradebook  # nbgrader-scores (nbgrader: when it runs)
from grader.reports import gradescope, markdown, shaking, text as text_report, results, wrap
from grader.grading import GradingError, grade, start_zygotes
from grader.messages import LANGUAGES, choose_language, language, notebook_messages
from grader.study import commands as study
from grader.study.progress import ProgressError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_CLOSED_PIPE = 0, 1, 2, 130, 141
FORMATS = ("text", "json", "gradescope", "junit", "markdown")
AUTOGRADER_ROOT = "/autograder"


def stubs_error():
    from grader.course.stubs import StubError

    return StubError


def platform_errors():
    from grader.platforms import batch, gradebook, gradescope as autograder, ledger

    return batch.BatchError, ledger.LedgerError, autograder.BuildError, gradebook.GradebookError


def _lang_option(parser):
    parser.add_argument("--lang", default=None, metavar="LANG",
                        help="language of the messages: %s (default: MPKIT_LANG, else the locale)"
                        % " or ".join(sorted(LANGUAGES)))


def _parser():
    parser = argparse.ArgumentParser(prog="mpkit", description="Grade multiprocessing exercises "
                                     "by running them as real processes.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _grade_parser(commands)
    study.add_parsers(commands, _lang_option)
    for add in (_grade_batch_parser, _merge_parser, _gradescope_parsers, _workflow_parser, _summary_parser,
                _verify_parser, _stubs_parser, _notebooks_parser):
        add(commands)
    nbgrader_gradebook.add_parser(commands, options.add_selection_options)
    instructor.add_commands(commands)
    parser.set_defaults(commands=sorted(commands.choices))
    return parser


def _grade_parser(commands):
    g = commands.add_parser("grade", help="grade a submission folder laid out like exercises/")
    g.add_argument("path", nargs="?", default="exercises",
                   help="the submission folder (default: ./exercises)")
    g.add_argument("--format", choices=FORMATS, default="text",
                   help="text (default), json, gradescope (results.json), junit (XML), markdown (a table)")
    g.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    g.add_argument("--html", metavar="FILE", help="also write a self-contained HTML report with a "
                   "timeline of each failing test to FILE")
    g.add_argument("--json", metavar="FILE", help="also write the results as --format json does to "
                   "FILE, beside the report (GitHub Classroom's steps: the text in the log, the JSON "
                   "for the summary)")
    g.add_argument("--shake", nargs="?", const=options.RANDOM_SEED, default=None, metavar="SEED",
                   help="shake the schedules on purpose: small random delays where processes "
                   "interleave, reproducible from SEED (default: MPKIT_SHAKE; without SEED: a new "
                   "one, printed in the report)")
    options.add_selection_options(g)
    _lang_option(g)


def _grade_batch_parser(commands):
    b = commands.add_parser("grade-batch", help="grade a class: one sub-folder or .zip per student")
    b.add_argument("submissions", metavar="SUBMISSIONS",
                   help="a folder with one sub-folder or one .zip per student")
    b.add_argument("--csv", required=True, metavar="FILE",
                   help="write grades.csv: student, points per exercise, total, note")
    b.add_argument("--feedback", metavar="DIR", help="write one Markdown file per student in DIR")
    b.add_argument("--state", metavar="DIR", help="keep each student's result in DIR as it comes "
                   "(default: .mpkit-batch next to the CSV); a rerun skips who is done")
    b.add_argument("--force", action="store_true", help="regrade students already graded")
    b.add_argument("--shard", metavar="K/N", help="grade only the K-th of N stable slices of the class")
    options.add_selection_options(b, "scenarios run at once, across students (default: twice the number of cores)")


def _merge_parser(commands):
    m = commands.add_parser("merge", help="join the state folders of grade-batch shards")
    m.add_argument("states", nargs="+", metavar="STATE_DIR", help="state folders of grade-batch runs")
    m.add_argument("--csv", required=True, metavar="FILE", help="write the joined grades.csv")
    m.add_argument("--feedback", metavar="DIR", help="write one Markdown file per student in DIR")


def _gradescope_parsers(commands):
    """`gradescope` builds the autograder zip, whose run_autograder calls `autograde`."""
    z = commands.add_parser("gradescope", help="build Gradescope's autograder zip")
    z.add_argument("out", metavar="OUT.zip", help="the zip to write")
    z.add_argument("--root", default=".", help="the kit's folder, whose files the zip holds (default: .)")
    options.add_selection_options(z)
    a = commands.add_parser("autograde", help="grade a Gradescope submission (run_autograder calls it)")
    a.add_argument("--root", default=None, help="Gradescope's root folder (default: "
                   "MPKIT_AUTOGRADER_ROOT, else /autograder)")
    options.add_selection_options(a)


def _workflow_parser(commands):
    w = commands.add_parser("workflow", help="print a GitHub Actions workflow made from the manifest")
    w.add_argument("kind", choices=("classroom", "shards"),
                   help="classroom: GitHub Classroom's autograding; shards: grade a class on N machines")
    w.add_argument("--shards", type=int, default=4, metavar="N", help="machines (default: 4)")
    w.add_argument("--output", metavar="FILE", help="write it to FILE instead of stdout")


def _summary_parser(commands):
    u = commands.add_parser("summary", help="print a Markdown table of `mpkit grade --format json` results")
    u.add_argument("results", nargs="+", metavar="RESULTS.json")


def _verify_parser(commands):
    v = commands.add_parser("verify", help="check the kit itself: stubs, solutions, corpus, manifest")
    v.add_argument("--root", default=".", help="the kit's folder (default: .)")
    v.add_argument("--quick", action="store_true", help="the default start method only")
    v.add_argument("--start-method", default=None, metavar="METHOD",
                   help="fork, spawn, forkserver or all (default: all the platform has)")
    v.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="scenarios run at once (default: twice the number of cores)")
    v.add_argument("--exercise", action="append", metavar="NAME",
                   help="grade only this exercise's stub, solution and corpus (repeatable)")


def _stubs_parser(commands):
    s = commands.add_parser("stubs", help="regenerate exercises/ stubs from the solutions")
    s.add_argument("--root", default=".", help="the kit's folder (default: .)")


def _notes_once():
    """Say once, not per test, which hardening layers this platform lacks."""
    for note in system.hardening_notes():
        sys.stderr.write("mpkit: note: %s\n" % note)


def _write(out, path, where):
    if not path:
        sys.stdout.write(out)
        return
    try:  # a new file renamed into place: a link left where the report goes is replaced, not followed
        safe_files.write(os.path.dirname(os.path.abspath(path)), os.path.basename(path),
                         out.encode("utf-8"))
    except OSError as exc:
        raise UsageError("%s: cannot write %r: %s" % (where, path, exc.strerror))


def _render(fmt, verdicts, exercises, path, elapsed, seed=None, columns=None):
    """The report in `fmt`; with `seed` (a shaken run), the seed and how to reproduce it; a text
    report broken to `columns` when given (a terminal's)."""
    shaken = [] if seed is None else shaking.lines(seed, verdicts, path)
    if fmt == "json":
        return results.as_json(verdicts, None if seed is None else shaking.summary(seed, verdicts, path))
    if fmt == "gradescope":
        return gradescope.as_json(gradescope.results(verdicts, exercises, elapsed, notes=shaken))
    if fmt == "junit":
        from grader.reports import junit  # junitparser: only when asked for

        return junit.as_junit(verdicts, exercises, seed, path)
    if fmt == "markdown":
        return markdown.table(verdicts, exercises) + "".join("\n" + line for line in shaken)
    return text_report.as_text(verdicts, exercises, path, columns) + "".join(line + "\n" for line in shaken)


def cmd_grade(args):
    exercises, methods = options.selection(args)
    for option in ("output", "html", "json"):
        if getattr(args, option):
            options.validate_output_file(getattr(args, option), "--" + option)
    if _has_notebooks(args.path, exercises):
        return _grade_notebooks(args, exercises, methods)
    path = options.validate_path(args.path, exercises, "PATH")
    seed = options.validate_shake(args.shake, "--shake")
    started = time.monotonic()
    start_zygotes(args.jobs)  # the options are right: the scenarios' processes can start
    if args.format == "text":  # for a person: progress, the progress file, colour
        from grader.study.session import grade_for_a_person

        _notes_once()
        verdicts = grade_for_a_person(path, exercises, methods, jobs=args.jobs, write=not args.output)
    else:
        verdicts = grade(path, exercises, methods, jobs=args.jobs)
    if args.format != "text" or args.output:
        _write(_render(args.format, verdicts, exercises, path, time.monotonic() - started, seed),
               args.output, "--output")
    elif seed is not None:
        sys.stdout.write("".join(line + "\n" for line in shaking.lines(seed, verdicts, path)))
    if args.json:
        _write(_render("json", verdicts, exercises, path, time.monotonic() - started, seed), args.json, "--json")
    if args.html:
        from grader.reports import html

        _write(html.report(verdicts, exercises, path), args.html, "--html")
    return EXIT_OK if all(v.passed for v in verdicts) else EXIT_FAILED


def cmd_grade_batch(args):
    from grader.platforms import batch, ledger

    exercises, methods = options.selection(args)
    shard = options.validate_shard(args.shard, "--shard")
    seed = options.validate_shake(None, "MPKIT_SHAKE")  # shaken schedules: the seed to reproduce them
    students = batch.students_in(args.submissions, manifest.load())
    if shard:
        students = batch.shard(students, *shard)
    state = args.state or os.path.join(options.folder_for(args.csv, "--csv"), ".mpkit-batch")
    started = time.monotonic()
    outputs = [os.path.dirname(os.path.abspath(args.csv)), args.feedback]  # grades, feedback
    outcome = batch.grade_class(students, exercises, methods, state, jobs=args.jobs, force=args.force,
                                hide=[f for f in outputs if f])
    elapsed = time.monotonic() - started
    line = ("%d graded, %d already graded (skipped), %d failed to grade, %.1f s"
            % (outcome.graded, outcome.skipped, outcome.failed, elapsed))
    if seed is not None:
        line += "; schedules shaken with seed %d (MPKIT_SHAKE=%d)" % (seed, seed)
    if outcome.interrupted:
        sys.stdout.write("mpkit grade-batch: interrupted: %s; the results so far are kept in %s: "
                         "run the same command again to go on\n" % (line, state))
        return EXIT_INTERRUPTED
    ledger.write_csv(args.csv, outcome.records, exercises)
    if args.feedback:
        ledger.write_feedback(args.feedback, outcome.records, exercises)
    sys.stdout.write("mpkit grade-batch: %s; wrote %s\n" % (line, args.csv))
    return EXIT_FAILED if outcome.failed else EXIT_OK


def cmd_merge(args):
    from grader.platforms import ledger

    options.folder_for(args.csv, "--csv")
    records, origin, settings = {}, {}, None
    for state in args.states:
        for student, rec in ledger.load_all(state, "STATE_DIR").items():
            graded_with = [rec["settings"][key] for key in ("exercises", "start_methods")]
            if settings is None:
                settings, first = graded_with, state
            elif graded_with != settings:
                raise UsageError("STATE_DIR: %s was graded with other exercises or start methods "
                                 "than %s" % (state, first))
            if student in records and records[student]["key"] != rec["key"]:
                raise UsageError("STATE_DIR: %s is in both %s and %s with different results"
                                 % (student, origin[student], state))
            records[student], origin[student] = rec, state
    if not records:
        raise UsageError("STATE_DIR: no graded student in %s" % ", ".join(args.states))
    exercises = options.validate_exercises(settings[0], manifest.load(), "STATE_DIR")
    ledger.write_csv(args.csv, records, exercises)
    if args.feedback:
        ledger.write_feedback(args.feedback, records, exercises)
    sys.stdout.write("mpkit merge: %d students from %d state folders; wrote %s\n"
                     % (len(records), len(args.states), args.csv))
    return EXIT_OK


def _autograde_options(args, exercises):
    """The options `mpkit gradescope` hands on to `mpkit autograde` in run_autograder."""
    handed = []
    for exercise in (exercises if args.exercise else []):
        handed += ["--exercise", exercise.folder]
    if args.start_method:
        handed += ["--start-method", args.start_method]
    for name in ("jobs", "timeout") + options.LIMIT_OPTIONS:
        if getattr(args, name) is not None:
            handed += ["--" + name.replace("_", "-"), "%g" % getattr(args, name)]
    return handed


def cmd_gradescope(args):
    from grader.platforms import gradescope as autograder

    if not args.out.endswith(".zip"):
        raise UsageError("OUT.zip: %r must end in .zip" % args.out)
    options.folder_for(args.out, "OUT.zip")
    delegated = instructor.run_in_checkout(args.root, args.argv)
    if delegated is not None:
        return delegated
    exercises, _ = options.selection(args)
    autograder.build(args.root, args.out, _autograde_options(args, exercises))
    sys.stdout.write("wrote %s: upload it as the autograder of a Gradescope programming "
                     "assignment\n" % args.out)
    return EXIT_OK


def cmd_autograde(args):
    from grader.platforms import gradescope as autograder

    exercises, methods = options.selection(args)
    root = args.root or os.environ.get("MPKIT_AUTOGRADER_ROOT") or AUTOGRADER_ROOT
    data = autograder.autograde(root, exercises, methods, jobs=args.jobs)
    sys.stdout.write(data["output"] + "\n")
    return EXIT_OK


def cmd_workflow(args):
    from grader.platforms import workflows

    if args.output:
        options.validate_output_file(args.output, "--output")
    if args.kind == "classroom":
        out = workflows.classroom(manifest.load())
    elif args.shards < 1:
        raise UsageError("--shards: must be at least 1, not %d" % args.shards)
    else:
        out = workflows.shards(args.shards)
    _write(out, args.output, "--output")
    return EXIT_OK


def cmd_summary(args):
    exercises = manifest.load()
    hidden = {(e.folder, s.name) for e in exercises for s in e.scenarios() if s.hidden}
    verdicts = []
    for path in args.results:
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            if data.get("version") != results.RESULTS_VERSION:
                raise ValueError("version %r" % data.get("version"))
            verdicts += results.verdicts_of(data["tests"], hidden)
        except OSError as exc:
            raise UsageError("RESULTS.json: cannot read %r: %s" % (path, exc.strerror))
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise UsageError("RESULTS.json: %r is not the JSON of mpkit grade --format json (%s)"
                             % (path, exc))
    sys.stdout.write(markdown.table(verdicts, [e for e in exercises
                                               if any(v.exercise == e.folder for v in verdicts)]))
    return EXIT_OK


def cmd_verify(args):
    from grader.course import verify

    if args.quick and args.start_method:
        raise UsageError("--quick and --start-method: give one or the other")
    methods = options.validate_start_method(None if args.quick else args.start_method or "all", "--start-method")
    jobs = args.jobs or 2 * (os.cpu_count() or 1)
    only = options.validate_exercises(args.exercise, manifest.load(), "--exercise") if args.exercise else None
    problems = verify.run(args.root, methods, out=sys.stdout, jobs=jobs, only=only)
    return EXIT_OK if not problems else EXIT_FAILED


def cmd_stubs(args):
    from grader.course import stubs

    for path in stubs.generate(args.root, manifest.load()):
        sys.stdout.write("wrote %s\n" % path)
    return EXIT_OK


# -- notebooks: `mpkit notebooks OUT`, and `mpkit grade` of a notebook or a folder of them ----------

def _notebooks_parser(commands):
    n = commands.add_parser("notebooks", help="write an nbgrader course: one notebook per exercise")
    n.add_argument("out", metavar="OUT", help="the course folder to write (nbgrader_config.py, source/)")
    n.add_argument("--exercise", action="append", metavar="NAME",
                   help="only this exercise: a folder name such as 02_queue, its topic (queue) or its number (2) (repeatable)")
    n.add_argument("--assignment", default="mpkit", help="the nbgrader assignment (default: mpkit)")
    n.add_argument("--root", default=".", help="the kit's folder (default: .)")


def cmd_notebooks(args):
    from grader.course import notebooks

    exercises = options.validate_exercises(args.exercise, manifest.load(), "--exercise")
    if not args.assignment or not args.assignment.replace("-", "_").isidentifier():
        raise UsageError("--assignment: %r is not a plain name (letters, digits, - and _)" % args.assignment)
    if not all(os.path.isdir(os.path.join(args.root, side)) for side in ("exercises", "solutions")):
        raise UsageError("--root: %r is not a checkout of the kit (it needs exercises/ and solutions/)"
                         % args.root)
    try:
        import nbformat  # noqa: F401 - installed with nbgrader
    except ImportError:
        raise UsageError("notebooks: nbformat is missing: install the kit with its nbgrader extra "
                         "(pip install \".[nbgrader]\")")
    try:
        for path in notebooks.write_course(args.root, exercises, args.out, args.assignment):
            sys.stdout.write("wrote %s\n" % path)
    except (OSError, notebooks.NotebookError) as exc:
        raise UsageError("notebooks: %s" % exc)
    return EXIT_OK


def _has_notebooks(path, exercises):
    from grader.platforms import submissions

    return not any(os.path.isdir(os.path.join(path, e.folder)) for e in exercises) and \
        submissions.has_notebooks(path)


def _grade_notebooks(args, exercises, methods):
    """Grade the modules that the notebooks' `%%writefile` cells write, without a kernel: the
    exercises named by --exercise, else those the notebooks hold."""
    import shutil
    import tempfile

    from grader.platforms import submissions

    workdir = tempfile.mkdtemp(prefix="mpkit-notebooks-")
    try:
        found = submissions.unpack(args.path, exercises, workdir)
        if not args.exercise:
            exercises = [e for e in exercises if e.folder in found.found]
        if not exercises:
            raise UsageError("PATH: no cell of the notebooks in %r writes a module of the exercises "
                             "(%s): their solution cells start with %%%%writefile <module>.py"
                             % (args.path, ", ".join(e.filename for e in manifest.load())))
        if args.format == "text":
            _notes_once()
        started = time.monotonic()
        with notebook_messages():  # a stub's message names the cell to edit, not a file
            verdicts = submissions.grade(found, exercises, methods, args.jobs)
        out = _render(args.format, verdicts, exercises, args.path, time.monotonic() - started,
                      columns=None if args.output else wrap.width(sys.stdout))
    except submissions.Unreadable as exc:
        raise UsageError("PATH: %s" % exc)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    _write(out, args.output, "--output")
    return EXIT_OK if all(v.passed for v in verdicts) else EXIT_FAILED


def main(argv=None):
    try:
        return _main(argv)
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone():
    """The reader of stdout went away (`mpkit list | head -5`): stop quietly, as Unix tools do.
    stdout now points at /dev/null, so the flush at exit has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no stdout file descriptor to point elsewhere
        pass
    return EXIT_CLOSED_PIPE


def _main(argv):
    parser = _parser()
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)  # handed on as is (instructor.run_in_checkout)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        with language(_language(args)):
            return _commands()[args.command](args)
    except (UsageError, instructor.InstructorError, GradingError, manifest.ManifestError, stubs_error(),
            study.StudyError, ProgressError) + platform_errors() as exc:
        sys.stderr.write("mpkit %s: error: %s\n" % (args.command, exc))
        return EXIT_USAGE


def _language(args):
    """The messages' language of a student-facing command (those with --lang): --lang,
    MPKIT_LANG, the locale. The instructors' commands speak English."""
    if not hasattr(args, "lang"):
        return "en"
    try:
        return choose_language(getattr(args, "lang", None))
    except ValueError as exc:
        raise UsageError(str(exc))


def _commands():
    from grader.study.watch import cmd_watch

    return {"grade": cmd_grade, "verify": cmd_verify, "stubs": cmd_stubs,
            "grade-batch": cmd_grade_batch, "merge": cmd_merge, "gradescope": cmd_gradescope,
            "autograde": cmd_autograde, "workflow": cmd_workflow, "summary": cmd_summary,
            "list": study.cmd_list, "show": study.cmd_show, "hint": study.cmd_hint,
            "watch": cmd_watch, "notebooks": cmd_notebooks, **instructor.COMMANDS,
            "nbgrader-scores": lambda args: nbgrader_gradebook.cmd_nbgrader_scores(args, *options.selection(args))}


if __name__ == "__main__":
    sys.exit(main())
