"""`mpkit list`, `mpkit show NAME` and `mpkit hint NAME`, and the parsers of the self-study
commands (`watch` is in watch.py)."""
import json
import os
import sys

from grader.course import manifest
from grader.messages import current_language, text
from grader.reports import terminal
from grader.reports.text import exercise_title, statement_of
from grader.study import progress

WATCH_INTERVAL_S = 0.1  # between looks at the files: a save is seen within it, for a few stat() calls

EXIT_OK = 0


class StudyError(Exception):
    """A usage problem of a self-study command: the message names the argument at fault."""


def add_parsers(commands, add_lang):
    """Register list, show, hint and watch on the `commands` subparsers; `add_lang(parser)`
    adds the --lang option."""
    lst = commands.add_parser("list", help="your progress: every exercise, its points, hints and status")
    lst.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    show = commands.add_parser("show", help="print an exercise's statement (its README)")
    hint = commands.add_parser("hint", help="the next hint of an exercise, one more each time")
    for parser in (show, hint):
        parser.add_argument("name", nargs="?", metavar="NAME",
                            help="02_queue or queue (default: the first exercise not done)")
    watch = commands.add_parser("watch", help="regrade the exercise you edit on every save; "
                                "move on when it passes (Ctrl-C stops)")
    watch.add_argument("--interval", type=float, default=WATCH_INTERVAL_S, metavar="S",
                       help="seconds between looks at your files (default: %s)" % WATCH_INTERVAL_S)
    for parser in (lst, show, hint, watch):
        parser.add_argument("--path", default="exercises", metavar="PATH",
                            help="your exercises folder (default: ./exercises)")
        add_lang(parser)


def workspace(args):
    """The exercises folder of --path, checked."""
    if not os.path.isdir(args.path):
        raise StudyError("--path: exercises folder %r does not exist" % args.path)
    return args.path


def _exercise(name, exercises, data):
    if name is None:
        return progress.first_unfinished(data, exercises) or exercises[-1]
    found = manifest.find(exercises, name)
    if found is None:
        raise StudyError("NAME: no exercise %r; known: %s" % (name, ", ".join(e.folder for e in exercises)))
    return found


def _languages(folder):
    return [lang for lang, name in (("en", "README.md"), ("zh", "README.zh.md"))
            if os.path.isfile(os.path.join(folder, name))]


def cmd_list(args):
    submission = workspace(args)
    exercises = manifest.load()
    data = progress.load(submission)
    rows = [{"name": e.folder, "title": exercise_title(e), "points": e.points,
             "hints": len(e.hints_zh if current_language() == "zh" else e.hints),
             "languages": _languages(os.path.join(submission, e.folder)),
             "status": progress.status(data, e.folder)} for e in exercises]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    _table(rows, data)
    done = sum(row["status"] == progress.DONE for row in rows)
    following = progress.first_unfinished(data, exercises)
    last = (text("list_footer", done=done, total=len(rows), name=following.topic) if following
            else text("list_all_done", total=len(rows)))
    terminal.write_lines([("", ""), (last, "bold cyan")])
    return EXIT_OK


STATUS_STYLES = {progress.DONE: "green", progress.IN_PROGRESS: "yellow", progress.NOT_STARTED: "dim"}


def _table(rows, data):
    columns = text("list_columns").split("|")
    cells = [[str(i), row["name"], row["title"], "%g" % row["points"],
              "%d/%d" % (min(progress.hints_seen(data, row["name"]), row["hints"]), row["hints"]),
              text(progress.STATUS_KEYS[row["status"]])] for i, row in enumerate(rows, 1)]
    rich = terminal.console(sys.stdout)
    if rich is not None:
        from rich.table import Table

        table = Table(*columns, header_style="bold")
        for row, cell in zip(rows, cells):
            table.add_row(*cell, style=STATUS_STYLES[row["status"]])
        rich.print(table)
        return
    from rich.cells import cell_len  # display width: a Chinese character takes two columns

    widths = [max(cell_len(line[i]) for line in [columns] + cells) for i in range(len(columns))]
    for line in [columns] + cells:
        sys.stdout.write("  ".join(c + " " * (w - cell_len(c)) for c, w in zip(line, widths)).rstrip() + "\n")


def cmd_show(args):
    submission = workspace(args)
    exercises = manifest.load()
    exercise = _exercise(args.name, exercises, progress.load(submission))
    folder = os.path.join(submission, exercise.folder)
    path = statement_of(exercise, submission)
    if path is None:
        raise StudyError(text("no_readme", folder=exercise.folder, path=folder))
    with open(path, encoding="utf-8") as f:
        statement = f.read()
    note = current_language() == "zh" and not path.endswith(".zh.md")
    rich = terminal.console(sys.stdout)
    if rich is None:
        sys.stdout.write((text("readme_fallback") + "\n\n" if note else "") + statement)
        return EXIT_OK
    from rich.markdown import Markdown

    if note:
        rich.print(text("readme_fallback"), style="yellow")
    rich.print(Markdown(statement))
    return EXIT_OK


def cmd_hint(args):
    submission = workspace(args)
    exercises = manifest.load()
    data = progress.load(submission)
    exercise = _exercise(args.name, exercises, data)
    hints = exercise.hints_zh if current_language() == "zh" and exercise.hints_zh else exercise.hints
    if not hints:
        raise StudyError("NAME: %s has no hints in the manifest" % exercise.folder)
    number = min(progress.hints_seen(data, exercise.folder) + 1, len(hints))
    progress.entry(data, exercise.folder)["hints_seen"] = number
    progress.save(submission, data)
    after = "hint_last" if number == len(hints) else "hint_more"
    terminal.write_lines([
        (text("hint_header", number=number, total=len(hints), folder=exercise.folder,
              title=exercise_title(exercise)), "bold"),
        (hints[number - 1], ""), ("", ""),
        (text(after, name=exercise.topic), "dim")])
    return EXIT_OK
