"""The scenario drivers a runner can run, registered by the check modules that declare them.

The engine knows a driver only as an object with a ``name`` and a ``drive(run)`` method; what a
scenario means (its points, its judge) is judging's business (grader/judging/scenario.py).
"""
import importlib

_REGISTRY = {}


def register(module, name, driver):
    _REGISTRY.setdefault(module, {})[name] = driver


def registered(module):
    """The drivers check module `module` declares, in order (imports the module)."""
    importlib.import_module(module)
    return list(_REGISTRY.get(module, {}).values())


class Call:
    """The driver of a plain pytest test's call (grader/judging/pytest_checks.py): the grader's
    arguments, pickled by the grader into the scenario's folder and read here before the
    student's module is imported; an optional driver function (``module:name``, called as
    ``driver(run, *args)``) for what a plain call cannot set up."""

    def __init__(self, spec):
        import pickle

        with open(spec["args_path"], "rb") as f:
            self.args = pickle.load(f)
        self.function = spec["function"]
        self.label = spec["label"]
        self.driver = None
        if spec.get("driver"):
            module, _, name = spec["driver"].partition(":")
            found = importlib.import_module(module)
            for part in name.split("."):
                found = getattr(found, part)
            self.driver = found

    def drive(self, run):
        if self.driver is not None:
            return self.driver(run, *self.args)
        run.call(self.function, *self.args, label=self.label)
        return {}


def chosen(job):
    """The driver a runner's job names: a plain call, or a check module's scenario."""
    if "call" in job:
        return Call(job["call"])
    return {s.name: s for s in registered(job["checks"])}[job["scenario"]]
