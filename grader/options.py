"""The options of a grading run, as the `mpkit` commands and the pytest plugin take them:
declared for argparse, and validated into what grading needs (exercises, start methods, limits,
the seed that shakes schedules, a submission folder, files to write). A wrong value raises
UsageError, whose message names the option at fault.
"""
import argparse
import dataclasses
import os
import stat

from grader.course import manifest
from grader.engine import isolation, system

METHODS = ("fork", "spawn", "forkserver")
RANDOM_SEED = "new"  # --shake without a seed
LIMIT_OPTIONS = ("max_processes", "memory_mb", "output_kb", "open_files")


class UsageError(Exception):
    """A wrong option or argument: the message names it."""


def add_selection_options(parser, jobs_help="scenarios run at once (default: the number of cores)"):
    """--exercise, --start-method, -j and the limits: the options of every command that grades."""
    parser.add_argument("--exercise", action="append", metavar="NAME",
                        help="only this exercise: a folder name such as 02_queue, its topic (queue) or its number (2) (repeatable)")
    parser.add_argument("--start-method", default=None, metavar="METHOD",
                        help="fork, spawn, forkserver or all (default: the platform's own)")
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help=jobs_help)
    parser.add_argument("--separate-users", action=argparse.BooleanOptionalAction, default=None,
                        help="run each scenario as a user of its own (the default as root; "
                             "MPKIT_SEPARATE_USERS=1 or 0)")
    limits = parser.add_argument_group("limits per scenario (defaults: grader/course/manifest.toml)")
    limits.add_argument("--timeout", type=float, metavar="S", help="seconds (before MPKIT_TIMEOUT_SCALE)")
    limits.add_argument("--max-processes", type=int, metavar="N", help="processes at once")
    limits.add_argument("--memory-mb", type=int, metavar="MB", help="memory per process (the tree: twice that)")
    limits.add_argument("--output-kb", type=int, metavar="KB", help="size of any file written")
    limits.add_argument("--open-files", type=int, metavar="N", help="open files per process")


def selection(args):
    """(exercises, start methods) of a grading command's options, validated."""
    exercises = validate_exercises(args.exercise, manifest.load(), "--exercise")
    exercises = validate_limits(args, exercises)
    methods = validate_start_method(args.start_method or _course_start_method(), "--start-method")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("-j/--jobs: must be at least 1, not %d" % args.jobs)
    separate = getattr(args, "separate_users", None)
    if separate:
        if not isolation.available():
            raise UsageError("--separate-users: needs root and a Python other users can run "
                             "(%s)" % ("not root" if os.geteuid() != 0 else "no such Python found"))
    if separate is not None:
        os.environ[isolation.SWITCH] = "1" if separate else "0"  # the workers and supervisors read it
    return exercises, methods


def _course_start_method():
    """The manifest's start_method, None for the platform's own."""
    chosen = manifest.course()["start_method"]
    return None if chosen == "platform" else chosen


def validate_exercises(names, exercises, where):
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


def validate_limits(args, exercises):
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


def validate_start_method(value, where):
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


def validate_shake(value, where):
    """The seed of --shake (a new one when it names none), else MPKIT_SHAKE's, else None. The
    grading's workers read it from MPKIT_SHAKE, which this sets."""
    from grader.engine import shake

    if value is None:
        try:
            return shake.requested()
        except ValueError as exc:
            raise UsageError(str(exc))
    if value == RANDOM_SEED:
        seed = shake.new_seed()
    else:
        try:
            seed = shake.validate_seed(value, where)
        except ValueError as exc:
            raise UsageError("%s (give PATH before --shake, or write --shake=SEED)" % exc)
    os.environ[shake.SETTING] = str(seed)
    return seed


def validate_path(path, exercises, where):
    if not os.path.isdir(path):
        raise UsageError("%s: submission folder %r does not exist" % (where, path))
    if not any(os.path.isdir(os.path.join(path, e.folder)) for e in exercises):
        raise UsageError("%s: %r holds none of the exercise folders (%s); point it at a folder "
                         "laid out like exercises/" % (where, path, ", ".join(e.folder for e in exercises)))
    return path


def validate_shard(value, where):
    """`K/N` -> (K, N) with 1 <= K <= N, or None."""
    if value is None:
        return None
    try:
        k, n = (int(part) for part in value.split("/"))
    except ValueError:
        raise UsageError("%s: %r is not K/N (for example 2/3: the second of three slices)" % (where, value))
    if not 1 <= k <= n:
        raise UsageError("%s: %r needs 1 <= K <= N" % (where, value))
    return k, n


def validate_output_file(path, where):
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UsageError("%s: cannot write %r: the folder %r does not exist" % (where, path, folder))
    if os.path.isdir(path):
        raise UsageError("%s: %r is a folder, not a file" % (where, path))
    not_special(path, where)


def not_special(path, where):
    """Refuse, before any grading, a path that is a device, a pipe or a socket, or a link to
    one (/dev/null, /dev/stdout): a report is written as a new file renamed into place (a link
    planted there meanwhile is replaced, never followed), which would take that one's place."""
    try:
        mode = os.stat(path).st_mode  # what a link leads to
    except OSError:
        return
    if not stat.S_ISREG(mode):
        raise UsageError("%s: %r is not a regular file (a device, a pipe or a link to one): the report "
                         "is written as a new file, which would take its place. Name a file of your "
                         "own, or leave %s out to have the report printed" % (where, path, where))


def folder_for(path, where):
    """Fail before any grading if `path` cannot be written later: its folder must exist."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UsageError("%s: the folder of %r does not exist" % (where, path))
    not_special(path, where)
    return folder
