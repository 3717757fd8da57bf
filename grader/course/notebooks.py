"""The exercises as an nbgrader course, made from the same single source as exercises/ and
solutions/: the manifest, each exercise's README (and README.zh.md where there is one), its
solution, and its graded scenarios.

One notebook per exercise, in ``source/<assignment>/<folder>.ipynb``:

* a read-only cell that says how to install the grader (the student copy of the kit that
  ``mpkit release`` makes: the visible tests only);
* read-only cells with the statement, told as a notebook tells it (``notebook_statement``): the
  module is the ``%%writefile`` cell, the checks are the test cells and ``check``;
* one solution cell that writes the module with ``%%writefile <module>.py``, so that children
  import it by name under every start method (a function defined in a cell cannot be loaded by
  a spawn or forkserver child); the solution's ``### BEGIN SOLUTION: <todo>`` blocks become
  nbgrader's own markers, the todo kept as a comment above them;
* one autograder cell per graded scenario, with its points, calling
  ``grader.notebook.grade_test``; hidden scenarios sit in nbgrader's hidden-test markers.

Reading needs only the standard library (``modules_in``): ``mpkit grade`` takes the module from
a notebook without nbformat or a kernel. Writing uses nbformat, installed with nbgrader.
"""
import json
import os
import re

from grader import grading
from grader.course import stubs
from grader.messages import language, text

ASSIGNMENT = "mpkit"
WRITEFILE = re.compile(r"^%%writefile(?P<append>\s+(?:-a|--append))?\s+(?P<path>\S+)\s*$")
MAX_NOTEBOOK_BYTES = 16 * 1024 * 1024
CELL_TIMEOUT_EXTRA_S = 30  # nbgrader's cell timeout: longer than the kit's own limits of a scenario


class NotebookError(Exception):
    """A notebook cannot be read or written; the message names the file."""


# -- reading: the modules a notebook's cells write -----------------------------------------------

def modules_in(data, where="notebook", limit=None):
    """{path as written: source} for every `%%writefile` cell of a notebook (bytes or str), as a
    kernel running it from top to bottom would leave them (a later cell wins, `-a` appends).
    Linear in the notebook: appended cells are joined once, at the end. With `limit`, a module
    is cut at `limit` + 1 characters while it is joined (more than `limit` characters is more
    than `limit` bytes: the caller can tell it is too large without holding all of it)."""
    try:
        notebook = json.loads(data)
        cells = notebook["cells"]
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        raise NotebookError("%s is not a Jupyter notebook (%s)" % (where, exc))
    parts, sizes = {}, {}  # path -> the pieces written, and their length
    keep = None if limit is None else limit + 1
    for cell in cells if isinstance(cells, list) else []:
        written = _writefile(cell)
        if written is None:
            continue
        path, append, body = written
        if not append or path not in parts:
            parts[path], sizes[path] = [], 0
        room = len(body) if keep is None else max(0, keep - sizes[path])
        if room:
            parts[path].append(body[:room])
            sizes[path] += min(room, len(body))
    return {path: "".join(pieces) for path, pieces in parts.items()}


def _writefile(cell):
    """(path, whether it appends, the text it writes) of a `%%writefile` cell, else None."""
    if not isinstance(cell, dict) or cell.get("cell_type") != "code":
        return None
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else str(source)
    first, _, body = source.partition("\n")
    magic = WRITEFILE.match(first)
    if not magic:
        return None
    return magic["path"].strip("\"'"), bool(magic["append"]), body + "\n"


# -- writing: the course --------------------------------------------------------------------------

# what a statement (exercises/<folder>/README*.md) says of files and commands, which a notebook
# says of its cells: the sentence on start methods (English, Chinese) and the link to README.zh.md
METHODS_SENTENCES = (
    "`mpkit grade` runs each check under your platform's default start method (`fork` on Linux\n"
    "up to Python 3.13, `forkserver` from 3.14, `spawn` on macOS and Windows); your code must work\n"
    "under all three, and `mpkit grade --start-method all` checks it under each one your platform has.",
    "`mpkit grade` 默认在你的平台的默认启动方式下运行每项检查（Linux 上 Python 3.13 及以前是 `fork`，"
    "3.14 起是 `forkserver`；macOS 和 Windows 上是 `spawn`）；你的代码必须在三种启动方式下都能工作，"
    "`mpkit grade --start-method all` 会在你的平台支持的每一种下各检查一遍。")
ZH_LINK = re.compile(r"(?m)^.*\[README\.zh\.md\]\(README\.zh\.md\).*$")
HINT_LINE = re.compile(r"(?m)^.*`mpkit hint \w+`.*\n\n?")  # a command of a checkout, not of a notebook


def notebook_statement(readme, exercise, lang):
    """A statement (the README's text, in `lang`) as a notebook tells it: the module is the
    `%%writefile` cell below, the checks are the test cells and `check`, the Chinese statement
    is the next cell."""
    with language(lang):
        statement = readme.replace("`exercises/%s/%s`" % (exercise.folder, exercise.filename),
                                   text("nb_statement_cell", file=exercise.filename))
        check_block = re.compile(r"(?m)^[^\n]*\n\n```bash\nmpkit grade --exercise %s[^\n]*\n```\n"
                                 % re.escape(exercise.folder))
        statement = check_block.sub(lambda _: text("nb_statement_check", folder=exercise.folder), statement)
        for sentence in METHODS_SENTENCES:
            statement = statement.replace(sentence, text("nb_statement_methods", folder=exercise.folder))
    statement = HINT_LINE.sub("", statement)
    return ZH_LINK.sub(lambda _: text("nb_statement_zh_below", lang="zh"), statement)


def _read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def solution_cell_source(solution, filename, where):
    """The solution with nbgrader's markers: `### BEGIN SOLUTION: <todo>` becomes a `# TODO:
    <todo>` comment and `### BEGIN SOLUTION`, so the student version keeps the todo."""
    stubs.make_stub(solution, where)  # the same checks of the markers as `mpkit stubs`
    lines = []
    for line in solution.splitlines():
        begin = stubs.BEGIN.match(line)
        if begin:
            indent = begin["indent"]
            lines.append("%s# TODO: %s" % (indent, (begin["todo"] or stubs.DEFAULT_TODO).strip()))
            line = indent + "### BEGIN SOLUTION"
        lines.append(line)
    return "%%%%writefile %s\n%s" % (filename, "\n".join(lines).rstrip("\n"))


def test_cell_source(exercise, scenario):
    call = "from grader.notebook import grade_test\ngrade_test(%r, %r)" % (exercise.folder, scenario.name)
    if scenario.hidden:
        return "### BEGIN HIDDEN TESTS\n%s\n### END HIDDEN TESTS" % call
    return call


def grade_id(exercise, name):
    """The nbgrader grade id of a cell of `exercise`'s notebook: of its autograder cells, `name`
    is the test's (mpkit nbgrader-scores finds them in the gradebook by it)."""
    return "%s-%s" % (exercise.folder, name)


def _meta(grade_id, solution=False, points=None):
    meta = {"grade": points is not None, "grade_id": grade_id, "locked": not solution,
            "schema_version": 3, "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def notebook(root, exercise):
    """The instructor's notebook of one exercise (an nbformat NotebookNode)."""
    from nbformat import v4

    folder = os.path.join(root, "exercises", exercise.folder)
    solution_path = os.path.join(root, "solutions", exercise.folder, exercise.filename)
    cells = [("setup", v4.new_markdown_cell, text("nb_setup", lang="en") + "\n\n" + text("nb_setup", lang="zh"), {}),
             ("statement", v4.new_markdown_cell,
              notebook_statement(_read(os.path.join(folder, "README.md")), exercise, "en"), {})]
    zh = os.path.join(folder, "README.zh.md")
    if os.path.isfile(zh):
        cells.append(("statement-zh", v4.new_markdown_cell, notebook_statement(_read(zh), exercise, "zh"), {}))
    cells.append(("howto", v4.new_markdown_cell,
                  text("nb_howto", file=exercise.filename, folder=exercise.folder,
                       module=exercise.module), {}))
    cells.append(("solution", v4.new_code_cell,
                  solution_cell_source(_read(solution_path), exercise.filename, solution_path),
                  {"solution": True}))
    cells.append(("tests", v4.new_markdown_cell, text("nb_tests", folder=exercise.folder), {}))
    for scenario in exercise.scenarios():
        cells.append((scenario.name, v4.new_code_cell, test_cell_source(exercise, scenario),
                      {"points": scenario.points}))
    nb = v4.new_notebook(metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}})
    for name, make, source, options in cells:
        cell_id = grade_id(exercise, name)
        nb.cells.append(make(source, id=cell_id.replace(".", "-")[:64], metadata=_meta(cell_id, **options)))
    return nb


def dumps(nb):
    import nbformat

    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def config(exercises, assignment=ASSIGNMENT):
    """nbgrader_config.py of the course."""
    cell_timeout = int(max(e.timeout for e in exercises) + grading.BACKSTOP_EXTRA_S + CELL_TIMEOUT_EXTRA_S)
    return (
        "# nbgrader's configuration of the mpkit course, written by `mpkit notebooks`.\n"
        "import os\n\n"
        "c = get_config()  # noqa: F821 (nbgrader defines it)\n"
        "c.CourseDirectory.course_id = %r\n"
        "# Each test cell grades one scenario as real processes under the kit's own supervisor,\n"
        "# which stops it at the exercise's timeout and calls a deadlock as soon as it sees one:\n"
        "# nbgrader's cell timeout only has to be longer than that, MPKIT_TIMEOUT_SCALE included.\n"
        "c.Execute.timeout = int(%d * float(os.environ.get(\"MPKIT_TIMEOUT_SCALE\") or 1))\n"
        "c.ClearSolutions.code_stub = {\"python\": \"# YOUR CODE HERE\\nraise NotImplementedError\"}\n"
        % (assignment, cell_timeout))


def course_files(root, exercises, assignment=ASSIGNMENT):
    """{relative path: text} of the whole course folder."""
    files = {"nbgrader_config.py": config(exercises, assignment)}
    for exercise in exercises:
        files["source/%s/%s.ipynb" % (assignment, exercise.folder)] = dumps(notebook(root, exercise))
    return files


def write_course(root, exercises, out, assignment=ASSIGNMENT):
    """Write the course folder at `out`; returns the paths written."""
    written = []
    for rel, content in course_files(root, exercises, assignment).items():
        path = os.path.join(out, *rel.split("/"))
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(content)
        except OSError as exc:
            raise NotebookError("cannot write %s: %s" % (path, exc.strerror or exc))
        written.append(path)
    return written


def with_module(notebook_text, filename, source):
    """A copy of a notebook (its JSON text) whose cell writing `filename` holds `source` instead:
    a submission as a student who wrote `source` hands it in (for tests and benchmarks)."""
    notebook = json.loads(notebook_text)
    cells = [cell for cell in notebook["cells"] if cell.get("cell_type") == "code"
             and WRITEFILE.match("".join(cell.get("source", "")).partition("\n")[0] or "")]
    chosen = [cell for cell in cells
              if WRITEFILE.match("".join(cell["source"]).partition("\n")[0])["path"] == filename]
    if not chosen:
        raise NotebookError("no cell of the notebook writes %s" % filename)
    chosen[-1]["source"] = "%%%%writefile %s\n%s" % (filename, source.rstrip("\n"))
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
