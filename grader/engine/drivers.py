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
