"""The instructor's commands: `mpkit release OUT` (the students' repository) and `mpkit new
NAME` (a new exercise's files). cli.py registers them with `add_commands` and runs them
through `COMMANDS`; see docs/authoring.md."""
import os
import sys

from grader.course import manifest

HINT_COMMAND = "hint"


class InstructorError(Exception):
    """A usage problem of an instructor's command: the message names what is at fault."""


def add_commands(commands):
    r = commands.add_parser("release", help="write the students' repository: stubs, the grader "
                            "with the visible tests only, a README, the Classroom workflow")
    r.add_argument("out", metavar="OUT", help="a new (or empty) folder to write it to")
    r.add_argument("--root", default=".", help="the kit's folder (default: .)")
    n = commands.add_parser("new", help="scaffold a new exercise: solution, statement, hints, "
                            "graded tests, manifest entry, corpus folders")
    n.add_argument("name", metavar="NAME", help="NN_topic with a number no exercise has, for example 18_pool")
    n.add_argument("--module", help="the student's module (default: <topic>_tasks)")
    n.add_argument("--title", help="the exercise's title (default: made from the topic)")
    n.add_argument("--root", default=".", help="the kit's folder (default: .)")


def _hint_line(parser_commands):
    """How the students' README tells them to ask for a hint."""
    from grader.messages import text

    return text("release_hint_command" if HINT_COMMAND in parser_commands else "release_hint_manifest")


def _same_kit(root):
    """The kit in `root` must be the one running: its checks are what the release strips."""
    import grader

    running = os.path.dirname(os.path.abspath(grader.__file__))
    if os.path.realpath(os.path.join(root, "grader")) != os.path.realpath(running):
        raise InstructorError("--root %s: its grader is not the one running (%s); run mpkit from "
                              "that kit (`pip install -e %s`, or `python -m grader.cli` in it)"
                              % (root, running, root))


def cmd_release(args):
    from grader.course import release
    from grader.platforms import workflows

    _same_kit(args.root)
    exercises = manifest.load()
    try:
        extra = {os.path.join(".github", "workflows", "classroom.yml"):
                 workflows.classroom(exercises)}
        checked = release.build(args.root, args.out, exercises, extra, _hint_line(args.commands))
    except release.ReleaseError as exc:
        raise InstructorError(str(exc))
    sys.stdout.write("wrote the student release to %s\n" % os.path.abspath(args.out))
    for line in checked:
        sys.stdout.write("  checked: %s\n" % line)
    return 0


def cmd_new(args):
    from grader.course import scaffold

    try:
        written = scaffold.new(args.root, args.name, module=args.module, title=args.title)
    except scaffold.ScaffoldError as exc:
        raise InstructorError(str(exc))
    for path in written:
        sys.stdout.write("wrote %s\n" % path)
    sys.stdout.write("Next: fill in what the files ask for, then run `mpkit stubs` and `mpkit "
                     "verify --exercise %s`; it says what is still missing.\n" % args.name)
    return 0


COMMANDS = {"release": cmd_release, "new": cmd_new}
