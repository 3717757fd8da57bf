"""The instructor's commands: `mpkit release OUT` (the students' repository) and `mpkit new
NAME` (a new exercise's files). cli.py registers them with `add_commands` and runs them
through `COMMANDS`; see docs/authoring.md."""
import os
import sys

from grader.course import manifest

HINT_COMMAND = "hint"
KIT_FILES = ("grader/cli.py", "grader/course/manifest.toml", "solutions", "pyproject.toml")


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


FROM_CHECKOUT = "MPKIT_FROM_CHECKOUT"  # set for the checkout's own grader, run by the installed one
_BOOT = ("import sys; root = sys.argv.pop(1); sys.path.insert(0, root); "
         "from grader.cli import main; sys.exit(main(sys.argv[1:]))")


def _is_checkout(root):
    return all(os.path.exists(os.path.join(root, *name.split("/"))) for name in KIT_FILES)


def run_in_checkout(root, argv):
    """The exit status of `argv` run by the grader of the checkout at `root`, or None when that
    grader is the one running (an editable install, or `python -m grader.cli` in it).

    What the release and the autograder zip are made of is the checkout's files (its grader,
    manifest, checks, solutions); the grader that strips and checks them must be the same, and
    a regular `pip install .` runs a copy, which may be older than the checkout. So the
    installed `mpkit` hands the command to the checkout's grader, in this interpreter (whose
    environment has the kit's dependencies)."""
    import subprocess

    import grader

    if not _is_checkout(root):
        raise InstructorError("%s is not a checkout of the kit (it needs %s): run this command in "
                              "the kit's folder, or give --root" % (os.path.abspath(root), ", ".join(KIT_FILES)))
    running = os.path.dirname(os.path.abspath(grader.__file__))
    if os.path.realpath(os.path.join(root, "grader")) == os.path.realpath(running):
        return None
    if os.environ.get(FROM_CHECKOUT):
        raise InstructorError("%s/grader cannot be imported in place of the installed grader (%s): "
                              "check that it is a complete copy of the kit" % (os.path.abspath(root), running))
    root = os.path.abspath(root)
    sys.stderr.write("mpkit: building from the checkout in %s, with its own grader\n" % root)
    sys.stderr.flush()
    env = dict(os.environ, **{FROM_CHECKOUT: "1"})
    env["PYTHONPATH"] = os.pathsep.join([root] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    return subprocess.run([sys.executable, "-c", _BOOT, root] + list(argv), env=env).returncode


def cmd_release(args):
    from grader.course import release
    from grader.platforms import workflows

    delegated = run_in_checkout(args.root, args.argv)
    if delegated is not None:
        return delegated
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
