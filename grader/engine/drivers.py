"""The scenario drivers a runner can run, registered by the check modules that declare them.

The engine knows a driver only as an object with a ``name`` and a ``drive(run)`` method; what a
scenario means (its points, its judge) is judging's business (grader/judging/scenario.py). A
runner never imports a checks module: the grader hands it that module's source reduced to its
own driver (judging/handover.py), which handed() runs under the module's name.
"""
import importlib

_REGISTRY = {}


def register(module, name, driver):
    _REGISTRY.setdefault(module, {})[name] = driver


def declared(module):
    """{name: driver} of what `module` registered so far (imports nothing)."""
    return dict(_REGISTRY.get(module, {}))


def put_back(module, found):
    """Make `module`'s registrations `found` again (declared()'s), or none."""
    if found:
        _REGISTRY[module] = dict(found)
    else:
        _REGISTRY.pop(module, None)


def handed(code):
    """Run the source the grader handed over (`code`: the file holding it, the module it
    stands for and that module's own path, for tracebacks) as that module, so importing the
    module finds it. None when nothing was handed (the module is imported as it is)."""
    import sys
    import types

    if not code:
        return None
    with open(code["path"], "rb") as f:
        source = f.read()
    module = types.ModuleType(code["module"])
    module.__file__, module.__package__ = code["origin"], code["module"].rpartition(".")[0]
    sys.modules[code["module"]] = module
    exec(compile(source, code["origin"], "exec", dont_inherit=True), module.__dict__)
    return module


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
            handed(spec.get("code"))
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
    handed(job.get("code"))
    return {s.name: s for s in registered(job["checks"])}[job["scenario"]]
