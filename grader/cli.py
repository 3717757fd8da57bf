"""The `mpkit` command.

    mpkit grade [PATH] [--exercise NAME]... [--start-method M|all] [--format text|json]
                [--output FILE] [-j N]
    mpkit verify [--quick]
    mpkit stubs

Exit status: 0 when everything passed, 1 when something failed, 2 on a usage error.
"""
import argparse
import dataclasses
import os
import sys

from grader.course import manifest
from grader.engine import system
from grader.reports import text as text_report, results
from grader.grading import GradingError, grade

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
METHODS = ("fork", "spawn", "forkserver")


class UsageError(Exception):
    pass


def stubs_error():
    from grader.course.stubs import StubError

    return StubError


def _parser():
    parser = argparse.ArgumentParser(prog="mpkit", description="Grade multiprocessing exercises "
                                     "by running them as real processes.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    g = commands.add_parser("grade", help="grade a submission folder laid out like exercises/")
    g.add_argument("path", nargs="?", default="exercises",
                   help="the submission folder (default: ./exercises)")
    g.add_argument("--exercise", action="append", metavar="NAME",
                   help="only this exercise: a folder name such as 02_queue, or queue (repeatable)")
    g.add_argument("--start-method", default=None, metavar="METHOD",
                   help="fork, spawn, forkserver or all (default: the platform's own)")
    g.add_argument("--format", choices=("text", "json"), default="text")
    g.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    g.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="scenarios run at once (default: the number of cores)")
    limits = g.add_argument_group("limits per scenario (defaults: grader/course/manifest.toml)")
    limits.add_argument("--timeout", type=float, metavar="S", help="seconds (before MPKIT_TIMEOUT_SCALE)")
    limits.add_argument("--max-processes", type=int, metavar="N", help="processes at once")
    limits.add_argument("--memory-mb", type=int, metavar="MB", help="memory per process (the tree: twice that)")
    limits.add_argument("--output-kb", type=int, metavar="KB", help="size of any file written")
    limits.add_argument("--open-files", type=int, metavar="N", help="open files per process")
    v = commands.add_parser("verify", help="check the kit itself: stubs, solutions, corpus, manifest")
    v.add_argument("--root", default=".", help="the kit's folder (default: .)")
    v.add_argument("--quick", action="store_true", help="the default start method only")
    v.add_argument("--start-method", default=None, metavar="METHOD",
                   help="fork, spawn, forkserver or all (default: all the platform has)")
    v.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="scenarios run at once (default: twice the number of cores)")
    s = commands.add_parser("stubs", help="regenerate exercises/ stubs from the solutions")
    s.add_argument("--root", default=".", help="the kit's folder (default: .)")
    return parser


def _validate_start_method(value, where):
    available = system.start_methods()
    if value is None:
        return [system.default_start_method()]
    if value == "all":
        return [m for m in METHODS if m in available]
    if value not in METHODS:
        raise UsageError("%s: unknown start method %r; choose fork, spawn, forkserver or all" % (where, value))
    if value not in available:
        raise UsageError("%s: start method %r is not available on this platform (available: %s)"
                         % (where, value, ", ".join(available)))
    return [value]


def _validate_exercises(names, exercises, where):
    if not names:
        return exercises
    chosen = []
    for name in names:
        found = manifest.find(exercises, name)
        if found is None:
            raise UsageError("%s: no exercise %r; known: %s" % (
                where, name, ", ".join(e.folder for e in exercises)))
        if found not in chosen:
            chosen.append(found)
    return [e for e in exercises if e in chosen]


def _validate_path(path, exercises, where):
    if not os.path.isdir(path):
        raise UsageError("%s: submission folder %r does not exist" % (where, path))
    if not any(os.path.isdir(os.path.join(path, e.folder)) for e in exercises):
        raise UsageError("%s: %r holds none of the exercise folders (%s); point it at a folder "
                         "laid out like exercises/" % (where, path, ", ".join(e.folder for e in exercises)))
    return path


LIMIT_OPTIONS = ("max_processes", "memory_mb", "output_kb", "open_files")


def _validate_limits(args, exercises):
    """The exercises with the limits given on the command line instead of the manifest's."""
    overrides = {}
    for name in ("timeout",) + LIMIT_OPTIONS:
        value = getattr(args, name)
        if value is not None and not value > 0:
            raise UsageError("--%s: must be greater than 0, not %s" % (name.replace("_", "-"), value))
        if value is not None:
            overrides[name] = value
    if not overrides:
        return exercises
    timeout = overrides.pop("timeout", None)
    return [dataclasses.replace(e, timeout=timeout or e.timeout, limits=dict(e.limits, **overrides))
            for e in exercises]


def _notes_once():
    """Say once, not per test, which hardening layers this platform lacks."""
    for note in system.hardening_notes():
        sys.stderr.write("mpkit: note: %s\n" % note)


def cmd_grade(args):
    exercises = _validate_exercises(args.exercise, manifest.load(), "--exercise")
    exercises = _validate_limits(args, exercises)
    methods = _validate_start_method(args.start_method, "--start-method")
    path = _validate_path(args.path, exercises, "PATH")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("-j/--jobs: must be at least 1, not %d" % args.jobs)
    if args.format == "text":
        _notes_once()
    verdicts = grade(path, exercises, methods, jobs=args.jobs)
    out = results.as_json(verdicts) if args.format == "json" else text_report.as_text(verdicts, exercises, path)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as f:
                f.write(out)
        except OSError as exc:
            raise UsageError("--output: cannot write %r: %s" % (args.output, exc.strerror))
    else:
        sys.stdout.write(out)
    return EXIT_OK if all(v.passed for v in verdicts) else EXIT_FAILED


def cmd_verify(args):
    from grader.course import verify

    if args.quick and args.start_method:
        raise UsageError("--quick and --start-method: give one or the other")
    methods = _validate_start_method(None if args.quick else args.start_method or "all", "--start-method")
    jobs = args.jobs or 2 * (os.cpu_count() or 1)
    problems = verify.run(args.root, methods, out=sys.stdout, jobs=jobs)
    return EXIT_OK if not problems else EXIT_FAILED


def cmd_stubs(args):
    from grader.course import stubs

    for path in stubs.generate(args.root, manifest.load()):
        sys.stdout.write("wrote %s\n" % path)
    return EXIT_OK


def main(argv=None):
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return {"grade": cmd_grade, "verify": cmd_verify, "stubs": cmd_stubs}[args.command](args)
    except (UsageError, GradingError, manifest.ManifestError, stubs_error()) as exc:
        sys.stderr.write("mpkit %s: error: %s\n" % (args.command, exc))
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
