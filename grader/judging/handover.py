"""What a scenario's runner is handed of the checks: its own driver's code, and nothing else.

The runner runs next to the student's code, and whatever student code reads there can come back
in its feedback. So it never imports a checks module, which holds every scenario of an exercise
(the hidden ones too) and their judges. The grader hands it that module's source reduced to
what one driver needs (driver_source()): the statement that declares the scenario (or defines
the driver function a plain pytest test names), the module's imports and definitions it uses,
and nothing of any judge (a function decorated ``@<scenario>.judge``, at any depth, and the
judge-side options of a scenario, ``scenario.JUDGE_OPTIONS``). Every other line is blanked, so
line numbers are those of the file. The runner runs that source as the module
(engine/drivers.py), and the scenario's view of the grader holds only the files the runner
imports (view_files(): the engine, and the grader modules the handed source imports).
"""
import ast
import functools
import itertools
import os
import threading

from grader.judging.scenario import JUDGE_OPTIONS, scenarios_of


def _scopes(node):
    """The nodes of `node`'s own scope: not inside a nested function, class or lambda."""
    todo = list(ast.iter_child_nodes(node))
    while todo:
        child = todo.pop()
        yield child
        if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            todo.extend(ast.iter_child_nodes(child))


def _bound(statement):
    """The module-level names a top-level statement binds."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {statement.name}
    names = set()
    for node in [statement] + list(_scopes(statement)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).partition(".")[0] for a in node.names if a.name != "*")
    return names


def _is_judge(node):
    """A function decorated `@<something>.judge`."""
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
        isinstance(d, ast.Attribute) and d.attr == "judge" for d in node.decorator_list)


def _judge_parts(statement):
    """The judges inside `statement` and the values of judge-side options in its calls."""
    parts = []
    todo = [statement]
    while todo:
        node = todo.pop()
        if node is not statement and _is_judge(node):
            parts.append(node)
            continue
        if isinstance(node, ast.Call):
            parts += [k.value for k in node.keywords if k.arg in JUDGE_OPTIONS]
        todo.extend(ast.iter_child_nodes(node))
    return parts


def _used(statement, skipped):
    """The names `statement` loads, leaving out what is inside the `skipped` nodes."""
    names, todo = set(), [statement]
    while todo:
        node = todo.pop()
        if node in skipped:
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            names.add(node.id)
        todo.extend(ast.iter_child_nodes(node))
    return names


class _Parsed:
    """A module's top-level statements, with what each binds and uses (judges left out) and
    the judges and judge-side option values inside it."""

    def __init__(self, source):
        self.body = ast.parse(source).body
        self.parts = {s: _judge_parts(s) for s in self.body}
        skipped = {p for found in self.parts.values() for p in found}
        self.bound = {s: _bound(s) for s in self.body}
        self.used = {s: _used(s, skipped) for s in self.body}

    def kept(self, roots, dropped):
        """The top-level statements to keep: `roots`, then, until nothing changes, each that
        binds a name the kept ones use, and each that binds nothing (`x.doc = ...`) and uses a
        name they bind and none that only `dropped` statements bind. Imports come later."""
        kept = list(roots)
        banned = set().union(*[self.bound[s] for s in dropped])
        while True:
            used = set().union(*[self.used[s] for s in kept])
            bound = set().union(*[self.bound[s] for s in kept])
            more = [s for s in self.body if s not in kept and s not in dropped
                    and not isinstance(s, (ast.Import, ast.ImportFrom))
                    and (self.bound[s] & used or not self.bound[s] and self.used[s] & bound
                         and not self.used[s] & (banned - bound))]
            if not more:
                return kept
            kept += more


_parsed = functools.lru_cache(maxsize=64)(_Parsed)  # a module's scenarios share its analysis


class _Lines:
    """The source as lines of bytes (ast's columns count UTF-8 bytes), to blank and replace."""

    def __init__(self, source):
        self.lines = source.encode("utf-8").splitlines(keepends=True)

    def keep_only(self, spans):
        kept = set()
        for first, last in spans:
            kept.update(range(first, last + 1))
        self.lines = [line if number in kept else b"\n" for number, line in enumerate(self.lines, 1)]

    def replace(self, node, text, first=None):
        """Replace `node`'s text (from line `first` when given, a decorator's) by `text`,
        keeping the number of lines."""
        first = first or node.lineno
        start = self.lines[first - 1]
        if isinstance(node, ast.stmt):  # from its first line's indentation
            start = start[:len(start) - len(start.lstrip())]
        else:
            start = start[:node.col_offset]
        end = self.lines[node.end_lineno - 1][node.end_col_offset:]
        gap = node.end_lineno - first
        self.lines[first - 1:node.end_lineno] = [start + text.encode("utf-8") + b"\n" * gap + end] + \
            [b""] * gap

    def text(self):
        return b"".join(self.lines).decode("utf-8")


def _first_line(node):
    return min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])


def reduce_source(source, roots, dropped=()):
    """`source` with only its top-level statements numbered in `roots` (from 0) and what they
    use (see the module's docstring); those numbered in `dropped` are never kept."""
    parsed = _parsed(source)
    body, parts = parsed.body, parsed.parts
    roots = [s for n, s in enumerate(body) if n in roots and not _is_judge(s)]
    dropped = [s for n, s in enumerate(body) if _is_judge(s) or n in dropped and s not in roots]
    kept = parsed.kept(roots, dropped)
    used = set().union(*[parsed.used[s] for s in kept])
    lines = _Lines(source)
    imports = [s for s in body if isinstance(s, (ast.Import, ast.ImportFrom))]
    chosen = {s: [a for a in s.names if a.name == "*" or (a.asname or a.name).partition(".")[0] in used
                  or getattr(s, "module", None) == "__future__"] for s in imports}
    lines.keep_only([(_first_line(s), s.end_lineno) for s in kept] +
                    [(s.lineno, s.end_lineno) for s in imports if chosen[s]])
    edits = [(s, text, None) for s, text in ((s, _imported(s, chosen[s])) for s in imports if chosen[s])
             if text is not None]
    edits += [(p, "pass" if isinstance(p, ast.stmt) else "None", _first_line(p))
              for s in kept for p in parts[s] if not _inside_another(p, parts[s])]
    for node, text, first in sorted(edits, key=lambda e: (e[0].lineno, e[0].col_offset), reverse=True):
        lines.replace(node, text, first)
    return lines.text()


def _imported(statement, aliases):
    """The text of `statement` importing only `aliases`, each function or class of the grader
    from the module that defines it (not one that re-exports it, which the runner would not
    otherwise need); None when that is the statement as it stands."""
    if isinstance(statement, ast.Import) or statement.level:
        if len(aliases) == len(statement.names):
            return None
        return ast.unparse(type(statement)(**dict(ast.iter_fields(statement), names=aliases)))
    homes = {}
    for alias in aliases:
        homes.setdefault(_home(statement.module, alias.name), []).append(alias)
    if list(homes) == [statement.module] and len(aliases) == len(statement.names):
        return None
    return "; ".join(ast.unparse(ast.ImportFrom(module=module, names=names, level=0))
                     for module, names in homes.items())


def _home(module, name):
    """The grader module that defines `name`, imported from grader module `module`."""
    import importlib
    import sys

    if not module.startswith("grader."):
        return module
    try:
        found = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return module
    home = getattr(found, "__module__", None)
    if isinstance(home, str) and getattr(sys.modules.get(home), name, None) is found:
        return home
    return module


def _inside_another(node, nodes):
    return any(other is not node and node in set(ast.walk(other)) for other in nodes)


def _read(module_name):
    import importlib.util

    spec = importlib.util.find_spec(module_name)
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None, None
    with open(spec.origin, encoding="utf-8") as f:
        return f.read(), spec.origin


_LOCK = threading.Lock()  # grading's worker threads hand over drivers at the same time
_TRIALS = itertools.count()


def driver_source(module_name, scenario=None, function=None):
    """(source, path of the module's file) of checks module `module_name` reduced to what the
    driver of its `scenario`, or its driver `function`, needs; the whole source when the
    reduction does not run or does not declare it (a declaration of a shape it does not
    follow), so grading never changes. None for the source when the module has no file."""
    with _LOCK:
        return _driver_source(module_name, scenario, function)


@functools.lru_cache(maxsize=None)
def _driver_source(module_name, scenario, function):
    source, path = _read(module_name)
    if source is None:
        return None, path
    if scenario is not None:
        declared = _module_declarations(module_name)
        reduced = reduce_source(source, {n for n, names in enumerate(declared) if scenario in names},
                                {n for n, names in enumerate(declared) if names - {scenario}})
    else:
        body = _parsed(source).body
        reduced = reduce_source(source, {n for n, s in enumerate(body) if function in _bound(s)})
    return (reduced if _declares(reduced, path, module_name, scenario, function) else source), path


def view_of(module_name, scenario=None, function=None):
    """view_files() of what a runner is handed for that driver; None (the whole grader) when
    the module has no source to hand, and is imported as it is."""
    source, _ = driver_source(module_name, scenario, function)
    return None if source is None else view_files(source)


@functools.lru_cache(maxsize=None)
def _module_declarations(module_name):
    """_declarations() of the checks module's own source (shared by its scenarios)."""
    return _declarations(*_read(module_name), module_name)


def _declarations(source, path, module_name):
    """For each top-level statement of `source`, run in turn as a module of its own, the
    scenarios it declared; [] when it cannot run that way."""
    found = []

    def each(module, statements, declared):
        for statement in statements:
            exec(compile(ast.Module(body=[statement], type_ignores=[]), path, "exec", dont_inherit=True),
                 module.__dict__)
            found.append(declared() - set().union(*found))
        return found
    return _trial(source, module_name, path, each) or []


def _declares(source, path, module_name, scenario, function):
    """Whether `source`, run as a module, declares `scenario` (or defines `function`)."""
    def whole(module, statements, declared):
        exec(compile(ast.Module(body=statements, type_ignores=[]), path, "exec", dont_inherit=True),
             module.__dict__)
        return scenario in declared() if scenario else callable(module.__dict__.get(function))
    return bool(_trial(source, module_name, path, whole))


def _trial(source, module_name, path, run):
    """run(module, statements, declared) with a module of its own standing for checks module
    `module_name` (declared(): the scenarios declared in it so far), then everything it
    registered forgotten; None when the source does not run."""
    import sys
    import types

    from grader.engine import drivers

    trial = "%s.mpkit-handover-%d" % (module_name, next(_TRIALS))
    module = types.ModuleType(trial)
    module.__file__, module.__package__ = path, module_name.rpartition(".")[0]
    sys.modules[trial] = module
    real = drivers.declared(module_name)  # a declaration that names its module registers there

    def declared():
        return set(drivers.declared(trial)) | set(drivers.declared(module_name)) - set(real)
    try:
        return run(module, ast.parse(source).body, declared)
    except Exception:  # noqa: BLE001 - a module that does not run that way: the whole source is handed
        return None
    finally:
        sys.modules.pop(trial, None)
        drivers.put_back(trial, {})
        drivers.put_back(module_name, real)


@functools.lru_cache(maxsize=None)
def _grader_imports(source):
    """The modules of the grader `source` names in its imports, at any depth (and, for `from a
    import b`, a.b in case b is a module)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update("%s.%s" % (node.module, a.name) for a in node.names if a.name != "*")
    return frozenset(n for n in names if n == "grader" or n.startswith("grader."))


@functools.lru_cache(maxsize=None)
def view_files(source):
    """The files of the grader's package that a runner handed `source` imports: the engine's
    folder whole (the runner, its hooks and sitecustomize), every grader module the source
    imports and what those import in turn, with the packages on the way, and their cached
    bytecode. Nothing else of the grader is in the scenario's view (engine/mounts.py)."""
    import importlib.util

    import grader

    top = os.path.dirname(os.path.abspath(grader.__file__))
    files = {os.path.join(top, "__init__.py"), os.path.join(top, "engine")}
    todo, seen = set(_grader_imports(source or "")), set()
    while todo:
        name = todo.pop()
        if name in seen or name.split(".")[:2] == ["grader", "engine"]:
            continue
        seen.add(name)
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):  # `from a import b` with b not a module
            continue
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            continue
        files.add(spec.origin)
        todo.update(".".join(name.split(".")[:n]) for n in range(1, name.count(".") + 1))  # its packages
        with open(spec.origin, encoding="utf-8") as f:
            todo.update(_grader_imports(f.read()))
    files.update([importlib.util.cache_from_source(f) for f in files if f.endswith(".py")])
    return sorted(f for f in files if os.path.exists(f))
