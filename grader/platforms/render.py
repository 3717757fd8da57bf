"""The package's templates (setup.sh, run_autograder, workflows), filled in: `@@name` marks a
value, since `$` belongs to shell and GitHub expressions."""
import os
import string

TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


class _Template(string.Template):
    delimiter = "@@"


def render(name, **values):
    with open(os.path.join(TEMPLATES, name), encoding="utf-8") as f:
        return _Template(f.read()).substitute(values)
