"""`mpkit new NN_topic`: a new exercise's files, each with MPKIT-TODO where the instructor
has work left, which `mpkit verify` lists until none is left (docs/authoring.md).

Written: the solution with solution markers (solutions/), its stub and the statement in English and
Chinese (exercises/), graded tests in the plain pytest style
(grader/judging/checks/test_<topic>.py), an entry at the end of the manifest (titles, hints in
both languages, points), and the corpus folders (tests/corpus/correct|wrong/<folder>/).
"""
import os
import re
import string

from grader.course import settings, stubs

MARK = "MPKIT-TODO"
TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates", "new")
MANIFEST = os.path.join("grader", "course", "manifest.toml")


class ScaffoldError(Exception):
    """The exercise cannot be scaffolded: the message names what is at fault."""


class _Template(string.Template):
    delimiter = "@@"


def _render(name, values):
    with open(os.path.join(TEMPLATES, name), encoding="utf-8") as f:
        return _Template(f.read()).substitute(values)


def _entry(values):
    return '''
[[exercise]]
folder = "{folder}"
module = "{module}"
checks = "{checks}"
title = "{title}"
title_zh = "{mark}: 中文标题"
points = 3
hints = [
    "{mark}: a nudge: what to look at first.",
    "{mark}: the tool to use and how it behaves.",
    "{mark}: the usual mistake, and how to avoid it.",
    "{mark}: the shape of the answer, nearly the code.",
]
hints_zh = [
    "{mark}: 第一步提示。",
    "{mark}: 该用什么、它如何工作。",
    "{mark}: 常见错误以及如何避免。",
    "{mark}: 答案的结构。",
]
'''.format(mark=MARK, **values)


def plan(root, name, module=None, title=None):
    """{path: content} of the new exercise's files; raises ScaffoldError."""
    ok, allowed = settings.EXERCISE["folder"](name)
    if not ok:
        raise ScaffoldError("NAME %r: give %s" % (name, allowed))
    topic = name.split("_", 1)[1]
    module = module or "%s_tasks" % topic
    ok, allowed = settings.EXERCISE["module"](module)
    if not ok:
        raise ScaffoldError("--module %r: give %s" % (module, allowed))
    values = {"folder": name, "number": name[:2], "topic": topic, "module": module,
              "title": title or topic.replace("_", " ").capitalize(),
              "checks": "grader.judging.checks.test_%s" % topic}
    solution = _render("solution.py", values)
    return values, {
        os.path.join("solutions", name, module + ".py"): solution,
        os.path.join("exercises", name, module + ".py"): stubs.make_stub(solution),
        os.path.join("exercises", name, "README.md"): _render("README.md", values),
        os.path.join("exercises", name, "README.zh.md"): _render("README.zh.md", values),
        os.path.join("grader", "judging", "checks", "test_%s.py" % topic): _render("test.py", values),
        os.path.join("tests", "corpus", "correct", name, "README.md"): _render("corpus-correct.md", values),
        os.path.join("tests", "corpus", "wrong", name, "README.md"): _render("corpus-wrong.md", values),
    }


def new(root, name, module=None, title=None):
    """Write the new exercise's files and its manifest entry; the paths written."""
    values, files = plan(root, name, module, title)
    manifest_path = os.path.join(root, MANIFEST)
    if not os.path.isfile(manifest_path):
        raise ScaffoldError("%s is missing: run `mpkit new` in the kit's folder (or give --root)" % manifest_path)
    with open(manifest_path, encoding="utf-8") as f:
        manifest_text = f.read()
    _refuse_a_number_in_use(root, name, manifest_text)
    if 'folder = "%s"' % name in manifest_text or 'module = "%s"' % values["module"] in manifest_text:
        raise ScaffoldError("%s already lists %s or module %s: choose another name" % (
            manifest_path, name, values["module"]))
    taken = [p for p in files if os.path.exists(os.path.join(root, p))]
    if taken:
        raise ScaffoldError("%s already exists: choose another name, or remove it" % os.path.join(root, taken[0]))
    written = []
    for relative, content in files.items():
        path = os.path.join(root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
        written.append(path)
    with open(manifest_path, "a", encoding="utf-8") as f:
        f.write(_entry(values))
    return written + [manifest_path]


def _numbered_folders(root, manifest_text):
    """The NN_topic folders the kit has: in the manifest, exercises/ and solutions/."""
    found = set(re.findall(r'^\s*folder\s*=\s*"([0-9]{2}_[^"]*)"', manifest_text, re.M))
    for side in ("exercises", "solutions"):
        try:
            found.update(n for n in os.listdir(os.path.join(root, side)) if re.match(r"[0-9]{2}_", n))
        except OSError:
            continue
    return sorted(found)


def _refuse_a_number_in_use(root, name, manifest_text):
    """Exercises are done in the order of their numbers: two of one number would be ambiguous."""
    folders = _numbered_folders(root, manifest_text)
    same = [f for f in folders if f[:2] == name[:2] and f != name]
    if same:
        free = max(int(f[:2]) for f in folders) + 1
        raise ScaffoldError("NAME %r: the number %s is taken by %s; the next free number is %02d "
                            "(`mpkit new %02d_%s`)" % (name, name[:2], same[0], free, free, name[3:]))


def unfinished(root, exercises):
    """Each place a scaffolded file still asks for the instructor's work, in the order to do
    it (manifest, solution, statement, tests, corpus), one line each."""
    found = []
    for exercise in exercises:
        places = [MANIFEST,
                  os.path.join("solutions", exercise.folder, exercise.filename),
                  os.path.join("exercises", exercise.folder, "README.md"),
                  os.path.join("exercises", exercise.folder, "README.zh.md"),
                  os.path.join(*exercise.checks.split(".")) + ".py",
                  os.path.join("tests", "corpus", "correct", exercise.folder, "README.md"),
                  os.path.join("tests", "corpus", "wrong", exercise.folder, "README.md")]
        for relative in places:
            found += _marks_in(root, relative, exercise.folder)
    return list(dict.fromkeys(found))


def _marks_in(root, relative, folder):
    try:
        with open(os.path.join(root, relative), encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    numbered = _entry_lines(lines, folder) if relative == MANIFEST else list(enumerate(lines, 1))
    return ["%s:%d: %s" % (relative, number, line.strip()) for number, line in numbered if MARK in line]


def _entry_lines(lines, folder):
    """(line number, line) of the manifest entry of `folder`."""
    entries, current = {}, None
    for number, line in enumerate(lines, 1):
        if line.strip() == "[[exercise]]":
            current = []
        if current is not None:
            current.append((number, line))
            if line.strip().startswith("folder ="):
                entries[line.split("=", 1)[1].strip().strip('"')] = current
    return entries.get(folder, [])
