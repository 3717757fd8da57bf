"""Take the hidden graded tests out of a check module's source, for the student release.

A top-level statement is hidden when it is a test marked ``@pytest.mark.hidden`` or declares a
scenario with ``hidden=True`` (a decorator's or a call's keyword). Removed with it: what is
attached to it (``@that_scenario.judge``), and every top-level definition (constants, helpers)
that only the removed statements used, so their names, inputs and expected values are gone,
not just unmarked. The rest of the source is kept line for line, comments included.
"""
import ast
import re


def _is_true_hidden(call):
    return isinstance(call, ast.Call) and any(
        k.arg == "hidden" and isinstance(k.value, ast.Constant) and k.value.value is True
        for k in call.keywords)


def _marked_hidden(decorator):
    """`pytest.mark.hidden`, `mark.hidden` or `hidden`, called or not."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", None)
    return name == "hidden" or _is_true_hidden(decorator)


def _is_hidden(node):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return any(_marked_hidden(d) for d in node.decorator_list)
    if isinstance(node, (ast.Assign, ast.Expr, ast.AnnAssign)):
        return _is_true_hidden(node.value)
    return False


def _defines(node):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return set()


def _uses(node, skip_definition=True):
    used = {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return used - (_defines(node) if skip_definition else set())


def _decorated_by(node, names):
    decorators = getattr(node, "decorator_list", [])
    return any(isinstance(n, ast.Name) and n.id in names for d in decorators for n in ast.walk(d))


def hidden_statements(tree):
    """The top-level statements to remove, and the names they defined."""
    body = tree.body
    removed = [node for node in body if _is_hidden(node)]
    while True:  # attached to what was removed (a scenario's judge), then what only they used
        names = set().union(*[_defines(n) for n in removed]) if removed else set()
        kept = [n for n in body if n not in removed]
        attached = [n for n in kept if _decorated_by(n, names)]
        used_by_removed = set().union(*[_uses(n) for n in removed]) if removed else set()
        used_by_kept = set().union(*[_uses(n) for n in kept if n not in attached]) if kept else set()
        orphans = [n for n in kept if n not in attached and _defines(n)
                   and _defines(n) <= used_by_removed and not _defines(n) & used_by_kept]
        if not attached and not orphans:
            return removed, names
        removed += attached + orphans


def strip(source):
    """(the source without its hidden tests, the names removed)."""
    tree = ast.parse(source)
    removed, names = hidden_statements(tree)
    lines = source.splitlines(keepends=True)
    drop = set()
    for node in removed:
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        while first > 1 and lines[first - 2].lstrip().startswith("#"):  # its comment goes too
            first -= 1
        drop.update(range(first, node.end_lineno + 1))
    kept = "".join(line for number, line in enumerate(lines, 1) if number not in drop)
    return re.sub(r"\n{4,}", "\n\n\n", kept).rstrip("\n") + "\n", names
