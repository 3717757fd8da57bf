"""Hostile 01_process: greet removes the parent of its working folder, i.e. the whole folder
the grader made for this scenario (event logs, stack dumps, captured output), as a careless
`shutil.rmtree("..")` would. For safety it only does so when that folder is an mpkit-* one.
Expected: a clear crashed/failed verdict for greet_prints, the grader unaffected."""
import os
import shutil


def greet(name):
    scenario = os.path.dirname(os.getcwd())
    if os.path.basename(scenario).startswith("mpkit-"):
        shutil.rmtree(scenario, ignore_errors=True)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
